using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Notebooks.Api;
using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Running;
using Analytics.TestSupport;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Xunit.Abstractions;

namespace Analytics.Notebooks.Interactive.Tests;

/// <summary>
/// The committed review notebooks run cell by cell in a .NET Interactive C# kernel — what Polyglot Notebooks runs in
/// VS Code — against the product snapshot, and show what the headless runner shows for each cell: the same number of
/// tables (HTML with values) and charts (inline SVG with points). One class: the API's kernel session is per process.
/// </summary>
public sealed partial class PolyglotNotebookTests : IDisposable
{
    /// <summary>The path the committed setup cells load, relative to notebooks/ (the kernel's folder in VS Code).</summary>
    private const string CommittedReference = "Analytics.Notebooks/bin/Release/net10.0/Analytics.Notebooks.dll";

    private readonly ITestOutputHelper _log;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-polyglot-" + Guid.NewGuid().ToString("N"));

    public PolyglotNotebookTests(ITestOutputHelper log)
    {
        _log = log;
        Directory.CreateDirectory(_folder);
    }

    private static string Committed(string name) => Path.Combine(AppContext.BaseDirectory, "Notebooks", name);

    [Theory]
    [InlineData("yy2020-review.ipynb")]
    [InlineData("district-brief.ipynb")]
    [InlineData("cq2013-review.ipynb")]
    public async Task Every_code_cell_runs_in_a_CSharpKernel_and_shows_the_tables_and_charts_the_runner_shows(string name)
    {
        var notebook = NotebookDocument.Load(Committed(name));
        var codeCells = notebook.Cells.Where(c => c.IsCode).ToList();
        Assert.True(codeCells[0].IsSetup, "the first code cell is the setup cell");
        Assert.Equal(1, codeCells.Count(c => c.IsSetup));

        // What the project's runner shows for each cell, on the same snapshot (the setup cell is skipped there).
        var run = await NotebookRunner.RunAsync(new NotebookRunOptions
        {
            NotebookPath = Committed(name),
            SnapshotPath = ProductSnapshot.SnapshotPath,
            OutputRoot = Path.Combine(_folder, "runner"),
            Parameters = new Dictionary<string, string>(),
        });
        var executed = NotebookDocument.Load(run.Notebook).Cells.Where(c => c.IsCode).ToList();

        // The setup cell as committed, but loading the assembly this test process already has (a second copy of it
        // from notebooks/Analytics.Notebooks/bin would be a second Analytics.Notebooks in the process), and Open()
        // finds the snapshot through $ANALYTICS_SNAPSHOT as an analyst's would.
        Environment.SetEnvironmentVariable("ANALYTICS_SNAPSHOT", ProductSnapshot.SnapshotPath);
        using var kernel = new CSharpKernel();
        var kernelCharts = new List<string>();
        for (var i = 0; i < codeCells.Count; i++)
        {
            var source = codeCells[i].Source;
            if (codeCells[i].IsSetup)
            {
                Assert.Contains($"#r \"{CommittedReference}\"", source, StringComparison.Ordinal);
                source = source.Replace(CommittedReference, typeof(Review).Assembly.Location, StringComparison.Ordinal);
            }

            var result = await kernel.SendAsync(new SubmitCode(source));

            var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
            Assert.True(failed is null, $"{name}, code cell {i + 1} failed in the kernel: {failed?.Message}");
            var shown = result.Events.OfType<DisplayEvent>().SelectMany(e => e.FormattedValues).ToList();
            var tables = shown.Where(v => v.MimeType == "text/html" && v.Value.Contains("<table class=\"data\"", StringComparison.Ordinal)).ToList();
            var charts = shown.Where(v => v.MimeType == "text/html" && v.Value.Contains("<svg", StringComparison.Ordinal)).ToList();
            _log.WriteLine($"{name} code cell {i + 1}: {tables.Count} tables, {charts.Count} charts, {shown.Count} outputs");

            if (codeCells[i].IsSetup)
            {
                // Open() returns the snapshot it opened; the kernel shows it as the cell's value.
                Assert.Contains(result.Events.OfType<ReturnValueProduced>(), e => e.Value is SnapshotSummary s && s.Path == ProductSnapshot.SnapshotPath);
                continue;
            }

            var outputs = executed[i].Outputs.OfType<JsonObject>().Select(o => o["data"] as JsonObject).OfType<JsonObject>().ToList();
            Assert.Equal(outputs.Count(d => d.ContainsKey("text/html")), tables.Count);
            Assert.Equal(outputs.Count(d => d.ContainsKey("image/png")), charts.Count);
            Assert.All(tables, t => Assert.Matches(DataCell(), t.Value));
            kernelCharts.AddRange(charts.Select(c => c.Value));
            foreach (var text in outputs.Where(d => !d.ContainsKey("text/html") && !d.ContainsKey("image/png")))
            {
                var expected = string.Concat(((JsonArray)text["text/plain"]!).Select(l => l!.GetValue<string>()));
                Assert.Contains(shown, v => v.MimeType == "text/plain" && v.Value == expected);
            }
        }

        // Each chart shows the data points of the runner's drawing of it (plotly tags every marker and bar "point").
        var runnerSvgs = run.Charts.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(runnerSvgs.Count, kernelCharts.Count);
        Assert.Contains(kernelCharts, c => Points(c) > 0);
        for (var i = 0; i < runnerSvgs.Count; i++)
        {
            Assert.Equal(Points(File.ReadAllText(runnerSvgs[i])), Points(kernelCharts[i]));
        }
    }

    private static int Points(string svg) => PointTag().Count(svg);

    [Fact]
    public async Task Before_the_setup_cell_the_API_says_to_run_it()
    {
        Review.Close();
        using var kernel = new CSharpKernel();
        await kernel.SendAsync(new SubmitCode($"#r \"{typeof(Review).Assembly.Location}\"\nusing static Analytics.Notebooks.Api.Review;"));

        var result = await kernel.SendAsync(new SubmitCode("Sql(\"SELECT 1\")"));

        var failed = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.Contains("No snapshot is open", failed.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Review.Close();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A browser still closing may hold a file for a moment; the temporary folder is left to the system.
        }
    }

    [GeneratedRegex("class=\"point\"")]
    private static partial Regex PointTag();

    /// <summary>A table cell with a value: <c>&lt;td…&gt;</c> followed by something other than its end tag.</summary>
    [GeneratedRegex("<td[^>]*>[^<]+</td>")]
    private static partial Regex DataCell();
}
