using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Running;
using Analytics.Notebooks.Tests.Charts;
using Analytics.Notebooks.Tests.Support;

namespace Analytics.Notebooks.Tests.Notebooks;

/// <summary>The notebooks in notebooks/ run end to end on a snapshot of the warehouse's shape, and are committed clean.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class CommittedNotebookTests : IClassFixture<FixtureSnapshot>
{
    private readonly FixtureSnapshot _fixture;

    public CommittedNotebookTests(FixtureSnapshot fixture) => _fixture = fixture;

    private static string Committed(string name) => Path.Combine(AppContext.BaseDirectory, "Notebooks", name);

    private Task<NotebookRunResult> Run(string name, IReadOnlyDictionary<string, string>? parameters = null, bool pdf = false) =>
        NotebookRunner.RunAsync(new NotebookRunOptions
        {
            NotebookPath = Committed(name),
            SnapshotPath = _fixture.SnapshotPath,
            OutputRoot = Path.Combine(_fixture.Folder, Guid.NewGuid().ToString("N")),
            Parameters = parameters ?? new Dictionary<string, string>(),
            Pdf = pdf,
        });

    [Theory]
    [InlineData("cq2013-review.ipynb")]
    [InlineData("yy2020-review.ipynb")]
    [InlineData("district-brief.ipynb")]
    public void Is_committed_without_outputs_and_with_the_csharp_kernel(string name)
    {
        var notebook = NotebookDocument.Load(Committed(name));

        Assert.Equal(".net-csharp", notebook.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.All(notebook.Cells.Where(c => c.IsCode), c => Assert.Empty(c.Outputs));
        Assert.All(notebook.Cells, c => Assert.NotNull(c.Json["id"]));
        // The first code cell loads the API into a Polyglot Notebooks kernel; the runner skips it (notebooks/README.md).
        Assert.True(notebook.Cells.First(c => c.IsCode).IsSetup);
        Assert.Single(notebook.Cells, c => c.IsSetup);
        Assert.Contains(notebook.Cells, c => c.IsMarkdown && c.Source.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF));
    }

    [Theory]
    [InlineData("cq2013-review.ipynb", 9)]
    [InlineData("yy2020-review.ipynb", 10)]
    public async Task A_plan_review_runs_and_draws_every_chart(string name, int charts)
    {
        var result = await Run(name);

        Assert.Equal(charts * 2, result.Charts.Count);
        Assert.All(result.Charts, path => Assert.True(new FileInfo(path).Length > 1000, path));
        var executed = JsonNode.Parse(File.ReadAllText(result.Notebook))!["cells"]!.AsArray();
        // Every code cell ran but the setup cell, which only a Polyglot Notebooks kernel runs.
        var code = executed.Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
        Assert.Null(code[0]!["execution_count"]);
        Assert.All(code.Skip(1), c => Assert.NotNull(c!["execution_count"]));
    }

    [Fact]
    public async Task The_district_brief_maps_a_former_county_code_to_its_district_and_prints_a_pdf()
    {
        var indicators = _fixture.Column("SELECT count(*) FROM indicator_catalog WHERE plan = 'CQ2013'")[0];

        var result = await Run("district-brief.ipynb", new Dictionary<string, string> { ["district"] = "500227" }, pdf: true);

        var html = File.ReadAllText(result.Html);
        Assert.Contains("<title>璧山区简报", html, StringComparison.Ordinal);
        Assert.Contains("旧代码 500227 已换为现行代码 500120", html, StringComparison.Ordinal);
        Assert.Equal(Convert.ToInt32(indicators, CultureInfo.InvariantCulture) * 2, result.Charts.Count);
        Assert.EndsWith("district-brief-500227", result.OutputFolder, StringComparison.Ordinal);
        Assert.True(File.Exists(result.Pdf));
    }

    [Fact]
    public async Task The_district_brief_for_an_unknown_district_fails_listing_the_districts_there_are()
    {
        var error = await Assert.ThrowsAsync<NotebookCellException>(() =>
            Run("district-brief.ipynb", new Dictionary<string, string> { ["district"] = "999999" }));

        // The 3rd cell: the title, the setup cell (skipped), then the one that looks the district up.
        Assert.Equal(3, error.CellNumber);
        Assert.Contains("999999", error.Message, StringComparison.Ordinal);
        Assert.Contains("430681 汨罗市", error.Message, StringComparison.Ordinal);
    }
}
