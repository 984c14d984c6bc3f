using System.Text;

namespace Analytics.Etl.Sources;

/// <summary>Turns an origin's file name into one safe to use as the last segment of a landing path.</summary>
internal static class LandingFileName
{
    // Linux allows 255 bytes per name; Chinese names take 3 bytes a character in UTF-8.
    private const int MaxBytes = 200;

    /// <summary>
    /// The name with separators, control and reserved characters replaced by <c>_</c>, and shortened (keeping the
    /// extension) when too long; <c>download</c> when nothing usable is left.
    /// </summary>
    public static string Sanitize(string? name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var sb = new StringBuilder((name ?? "").Trim().Length);
        foreach (var c in (name ?? "").Trim())
        {
            sb.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || invalid.Contains(c) ? '_' : c);
        }

        var clean = sb.ToString().Trim('.', ' ');
        if (clean.Length == 0)
        {
            return "download";
        }

        if (Encoding.UTF8.GetByteCount(clean) <= MaxBytes)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length > 16 ? "" : extension;
        var stem = clean[..^extension.Length];
        while (stem.Length > 0 && Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxBytes)
        {
            stem = stem[..^1];
        }

        // Do not leave half of a surrogate pair at the cut.
        if (stem.Length > 0 && char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + extension;
    }
}
