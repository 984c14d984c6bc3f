using System.Text;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Output;

/// <summary>
/// The run's folder, <c>&lt;out&gt;/&lt;notebook&gt;[-&lt;parameter values&gt;]/</c>, written all or nothing: into a hidden
/// temporary folder beside it, then moved into place; a previous run's folder is replaced only once the new one is complete.
/// </summary>
/// <remarks>
/// Layout: <c>&lt;notebook&gt;.ipynb</c> (executed, with outputs), <c>&lt;notebook&gt;.html</c> (self-contained report),
/// <c>&lt;notebook&gt;.pdf</c> (with --pdf), <c>charts/NN-&lt;name&gt;.svg</c> and <c>.png</c>.
/// </remarks>
internal static class OutputFolder
{
    public const string ChartsFolder = "charts";

    /// <summary>The run's folder: the notebook's name, then the given parameter values (a brief per district).</summary>
    public static string For(string outputRoot, string notebookPath, IReadOnlyDictionary<string, string> parameters)
    {
        var name = new StringBuilder(Path.GetFileNameWithoutExtension(notebookPath));
        foreach (var (_, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            name.Append('-').Append(Safe(value));
        }

        return Path.Combine(Path.GetFullPath(outputRoot), name.ToString());
    }

    public static NotebookRunResult Commit(string folder, RunFiles files, int codeCells, IProgress<string>? progress)
    {
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(folder)}.tmp-{Guid.NewGuid():N}");
        try
        {
            Write(temp, files);
            Replace(folder, temp);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        progress?.Report($"wrote {folder}");
        var charts = files.Cells.SelectMany(c => c.Outputs).OfType<ChartOutput>()
            .SelectMany(c => new[] { Chart(folder, c, ".svg"), Chart(folder, c, ".png") }).ToList();
        return new NotebookRunResult(
            folder,
            Path.Combine(folder, files.Stem + ".ipynb"),
            Path.Combine(folder, files.Stem + ".html"),
            files.Pdf is null ? null : Path.Combine(folder, files.Stem + ".pdf"),
            charts,
            codeCells);
    }

    private static void Write(string temp, RunFiles files)
    {
        Directory.CreateDirectory(Path.Combine(temp, ChartsFolder));
        files.Notebook.Save(Path.Combine(temp, files.Stem + ".ipynb"));
        File.WriteAllText(Path.Combine(temp, files.Stem + ".html"), files.Html, new UTF8Encoding(false));
        if (files.Pdf is not null)
        {
            File.WriteAllBytes(Path.Combine(temp, files.Stem + ".pdf"), files.Pdf);
        }

        foreach (var chart in files.Cells.SelectMany(c => c.Outputs).OfType<ChartOutput>())
        {
            var image = chart.Image ?? throw new InvalidOperationException($"Chart '{chart.Figure.Title}' was never drawn.");
            File.WriteAllText(Chart(temp, chart, ".svg"), image.Svg, new UTF8Encoding(false));
            File.WriteAllBytes(Chart(temp, chart, ".png"), image.Png);
        }
    }

    /// <summary>Moves the complete temporary folder into place, replacing a previous run's folder only after that.</summary>
    private static void Replace(string folder, string temp)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(temp, folder);
            return;
        }

        var old = Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.old-{Guid.NewGuid():N}");
        Directory.Move(folder, old);
        try
        {
            Directory.Move(temp, folder);
        }
        catch
        {
            Directory.Move(old, folder);
            throw;
        }

        TryDelete(old);
    }

    private static string Chart(string folder, ChartOutput chart, string extension) =>
        Path.Combine(folder, ChartsFolder, chart.FileStem + extension);

    private static string Safe(string value)
    {
        var safe = new string(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return safe.Length == 0 ? "_" : safe;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover hidden folder is harmless; the next run uses a new name.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
