namespace Analytics.Notebooks.Rendering;

/// <summary>Finds plotly.min.js: next to the assembly (the build copies it there), else in the repository's node_modules.</summary>
internal static class PlotlyScript
{
    private const string FileName = "plotly.min.js";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ANALYTICS_PLOTLY_JS");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        var candidates = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.Combine(Path.GetDirectoryName(typeof(PlotlyScript).Assembly.Location) ?? "", FileName),
        };
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "node_modules", "plotly.js-basic-dist-min", "plotly-basic.min.js"));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"plotly.min.js was not found next to the program or in node_modules (looked in: {string.Join(", ", candidates.Take(3))}). " +
                "Run 'npm install' in the repository (package.json pins plotly.js-basic-dist-min) and rebuild, or set ANALYTICS_PLOTLY_JS.");
    }
}
