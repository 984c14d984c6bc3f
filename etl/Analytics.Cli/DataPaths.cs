namespace Analytics.Cli;

/// <summary>
/// Where a data folder keeps each stage: <c>extracts/</c> (demo only), <c>landing/</c>, <c>lake/</c>, <c>snapshots/</c>. The default data
/// folder is <c>data/demo</c> under the repository (or the current folder outside one).
/// </summary>
internal sealed record DataPaths(string Root)
{
    public string Extracts => Path.Combine(Root, "extracts");

    public string Landing => Path.Combine(Root, "landing");

    public string Lake => Path.Combine(Root, "lake");

    public string Snapshots => Path.Combine(Root, "snapshots");

    public static string DefaultRoot => Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "data", "demo");

    /// <summary>The folder holding package.json and Analytics.sln above the current folder or the program, if any.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
