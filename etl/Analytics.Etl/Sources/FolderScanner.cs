namespace Analytics.Etl.Sources;

/// <summary>Finds the files under a folder that an include/exclude pattern set selects.</summary>
internal static class FolderScanner
{
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        // Hidden files and folders (dot-names on Unix) are editor and sync-tool litter, never exports.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        MatchType = MatchType.Simple,
    };

    /// <summary>
    /// Matched files as (absolute path, path relative to <paramref name="folder"/> with <c>/</c>), ordered by relative
    /// path so that a pull lands files in a stable order. Files under <paramref name="skipUnder"/> (the landing area,
    /// should it sit inside the folder) and Excel's <c>~$</c> owner files are left out.
    /// </summary>
    public static List<(string FullPath, string RelativePath)> Find(
        string folder, IReadOnlyList<GlobPattern> include, IReadOnlyList<GlobPattern> exclude, string? skipUnder)
    {
        var skipPrefix = skipUnder is null ? null : Path.TrimEndingDirectorySeparator(skipUnder) + Path.DirectorySeparatorChar;
        var found = new List<(string, string)>();
        foreach (var full in Directory.EnumerateFiles(folder, "*", Everything))
        {
            if (skipPrefix is not null && full.StartsWith(skipPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // An Excel "~$name.xlsx" file only records who has the workbook open; it is never data.
            if (Path.GetFileName(full).StartsWith("~$", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(folder, full).Replace(Path.DirectorySeparatorChar, '/');
            if (include.Any(p => p.IsMatch(relative)) && !exclude.Any(p => p.IsMatch(relative)))
            {
                found.Add((full, relative));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return found;
    }
}
