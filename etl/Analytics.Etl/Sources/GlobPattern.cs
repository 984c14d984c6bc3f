namespace Analytics.Etl.Sources;

/// <summary>
/// A file glob relative to a source folder: segments separated by <c>/</c>; in a segment <c>*</c> matches any run
/// of characters and <c>?</c> one character; a whole segment <c>**</c> matches zero or more folders. Matching
/// ignores case, because exports arrive as <c>.CSV</c> as often as <c>.csv</c>.
/// </summary>
internal sealed class GlobPattern
{
    private readonly string[] _segments;

    private GlobPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as configured.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; false with a readable <paramref name="error"/> when it is empty, absolute or climbs out with <c>..</c>.</summary>
    public static bool TryParse(string text, out GlobPattern? pattern, out string? error)
    {
        pattern = null;
        var normalized = text.Replace('\\', '/');
        if (normalized.Length == 0)
        {
            error = "the pattern is empty.";
            return false;
        }

        if (normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':'))
        {
            error = $"the pattern '{text}' is absolute; patterns are relative to the source's folder.";
            return false;
        }

        var segments = normalized.Split('/');
        if (segments.Any(s => s.Length == 0))
        {
            error = $"the pattern '{text}' has an empty segment ('//' or a trailing '/').";
            return false;
        }

        if (segments.Any(s => s is "." or ".."))
        {
            error = $"the pattern '{text}' contains '.' or '..'; point the folder at the right place instead.";
            return false;
        }

        pattern = new GlobPattern(text, segments);
        error = null;
        return true;
    }

    /// <summary>Parses a pattern known to be valid.</summary>
    public static GlobPattern Parse(string text) =>
        TryParse(text, out var pattern, out var error) ? pattern! : throw new ArgumentException(error, nameof(text));

    /// <summary>True when the pattern contains no wildcard, i.e. names exactly one file.</summary>
    public bool IsLiteral => _segments.All(s => s.IndexOfAny(['*', '?']) < 0);

    /// <summary>Whether a path relative to the folder (separator <c>/</c> or <c>\</c>) matches.</summary>
    public bool IsMatch(string relativePath) =>
        MatchFrom(0, relativePath.Replace('\\', '/').Split('/'), 0);

    private bool MatchFrom(int p, string[] path, int s)
    {
        while (p < _segments.Length)
        {
            if (_segments[p] == "**")
            {
                // A trailing ** takes the rest (at least the file name); elsewhere try every number of folders
                // it may swallow, fewest first.
                if (p == _segments.Length - 1)
                {
                    return s < path.Length;
                }

                for (var skip = s; skip <= path.Length; skip++)
                {
                    if (MatchFrom(p + 1, path, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || !SegmentMatches(_segments[p], path[s]))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Length;
    }

    /// <summary>Wildcard match of one segment: iterative, with back-tracking to the last <c>*</c>.</summary>
    internal static bool SegmentMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool CharEquals(char a, char b) =>
        a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
