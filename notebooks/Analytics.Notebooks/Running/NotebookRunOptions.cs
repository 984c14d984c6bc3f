namespace Analytics.Notebooks.Running;

/// <summary>What to run and where to write it.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The notebook (.ipynb) to run.</summary>
    public required string NotebookPath { get; init; }

    /// <summary>The snapshot: a <c>.duckdb</c> file or a snapshot folder with <c>current.json</c>.</summary>
    public required string SnapshotPath { get; init; }

    /// <summary>The folder under which the run's folder <c>&lt;notebook&gt;[-&lt;parameter values&gt;]</c> is written.</summary>
    public required string OutputRoot { get; init; }

    /// <summary>Parameter values (<c>--param name=value</c>); they override the notebook's declared defaults.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Also print the HTML report to an A4 PDF.</summary>
    public bool Pdf { get; init; }

    /// <summary>Where Chromium is; default <c>/usr/bin/chromium</c> (or the <c>ANALYTICS_CHROMIUM</c> environment variable).</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Receives a line per step (cell run, chart drawn, file written).</summary>
    public IProgress<string>? Progress { get; init; }
}
