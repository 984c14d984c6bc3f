using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Notebooks.Api;
using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Running;
using Analytics.Notebooks.Tests.Support;

namespace Analytics.Notebooks.Tests.Running;

public sealed class NotebookRunnerTests : IClassFixture<FixtureSnapshot>
{
    private readonly FixtureSnapshot _fixture;

    public NotebookRunnerTests(FixtureSnapshot fixture) => _fixture = fixture;

    private string NewFolder()
    {
        var folder = Path.Combine(_fixture.Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private NotebookRunOptions Options(string notebook, string folder, IReadOnlyDictionary<string, string>? parameters = null) => new()
    {
        NotebookPath = notebook,
        SnapshotPath = _fixture.SnapshotPath,
        OutputRoot = Path.Combine(folder, "out"),
        Parameters = parameters ?? new Dictionary<string, string>(),
    };

    private static JsonArray Outputs(string executedNotebook, int cellIndex) =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]![cellIndex]!["outputs"]!;

    [Fact]
    public async Task Cells_run_in_order_and_later_cells_see_what_earlier_cells_declared()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "state", "var answer = 40;", "answer + 2", "Console.WriteLine($\"printed {answer}\");");

        var result = await NotebookRunner.RunAsync(Options(notebook, folder));

        Assert.Equal(3, result.CodeCells);
        var json = JsonNode.Parse(File.ReadAllText(result.Notebook))!;
        Assert.Equal(1, json["cells"]![1]!["execution_count"]!.GetValue<int>());
        Assert.Equal(3, json["cells"]![3]!["execution_count"]!.GetValue<int>());
        Assert.Contains("42", Outputs(result.Notebook, 2)[0]!["data"]!["text/plain"]!.ToJsonString(), StringComparison.Ordinal);
        var stream = Outputs(result.Notebook, 3)[0]!;
        Assert.Equal("stream", stream["output_type"]!.GetValue<string>());
        Assert.Contains("printed 40", stream["text"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setup_cell_that_loads_the_API_into_a_kernel_is_skipped_and_left_out_of_the_report()
    {
        var folder = NewFolder();
        var notebook = NotebookDocument.Create();
        notebook.Add(NotebookCell.Markdown("# 测试笔记本 Test notebook"));
        // What a kernel needs and the runner must not run: a reference that does not exist here, and Open() elsewhere.
        notebook.Add(NotebookCell.Setup("#r \"Analytics.Notebooks/bin/Release/net10.0/Analytics.Notebooks.dll\"\nusing static Analytics.Notebooks.Api.Review;\nOpen(\"/no/such/snapshot\")"));
        notebook.Add(NotebookCell.Code("Display(Snapshot.Name);"));
        var path = Path.Combine(folder, "setup.ipynb");
        notebook.Save(path);

        var result = await NotebookRunner.RunAsync(Options(path, folder));

        Assert.Equal(1, result.CodeCells);
        var json = JsonNode.Parse(File.ReadAllText(result.Notebook))!;
        Assert.True(NotebookDocument.Load(result.Notebook).Cells[1].IsSetup);
        Assert.Empty(Outputs(result.Notebook, 1));
        Assert.Null(json["cells"]![1]!["execution_count"]);
        Assert.Contains("warehouse-fixture", Outputs(result.Notebook, 2)[0]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("no/such/snapshot", File.ReadAllText(result.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_that_throws_is_reported_by_number_with_its_error_and_nothing_is_written()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "throws", "var a = 1;", "Display(a);", "var b = a;\nthrow new InvalidOperationException(\"the district has no rows\");", "Display(2);");
        var options = Options(notebook, folder);

        var error = await Assert.ThrowsAsync<NotebookCellException>(() => NotebookRunner.RunAsync(options));

        // Cell 1 is the markdown title; the throwing cell is the 4th cell and the 3rd code cell.
        Assert.Equal(4, error.CellNumber);
        Assert.Equal(3, error.CodeCellNumber);
        Assert.Contains("cell 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.Contains("the district has no rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.OutputRoot) && Directory.EnumerateFileSystemEntries(options.OutputRoot).Any());
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_is_reported_by_number_with_the_compiler_error()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "compile", "var a = 1;", "var b = a +\n    undefinedName;");
        var options = Options(notebook, folder);

        var error = await Assert.ThrowsAsync<NotebookCellException>(() => NotebookRunner.RunAsync(options));

        Assert.Equal(3, error.CellNumber);
        Assert.Contains("CS0103", error.Error, StringComparison.Ordinal);
        Assert.Contains("undefinedName", error.Error, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.OutputRoot) && Directory.EnumerateFileSystemEntries(options.OutputRoot).Any());
    }

    [Fact]
    public async Task A_failing_rerun_leaves_the_previous_output_as_it_was()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "rerun", "Display(\"first run\");");
        var first = await NotebookRunner.RunAsync(Options(notebook, folder));
        var before = File.ReadAllText(first.Notebook);

        TestNotebooks.Write(folder, "rerun", "Display(\"second run\");", "throw new InvalidOperationException(\"stop\");");
        await Assert.ThrowsAsync<NotebookCellException>(() => NotebookRunner.RunAsync(Options(notebook, folder)));

        Assert.Equal(before, File.ReadAllText(first.Notebook));
        Assert.Equal([first.OutputFolder], Directory.GetDirectories(Path.Combine(folder, "out")));
    }

    [Fact]
    public async Task Parameters_reach_the_notebook_and_name_the_output_folder()
    {
        var folder = NewFolder();
        var declared = new Dictionary<string, string?> { ["district"] = "500101" };
        var notebook = TestNotebooks.Write(folder, "brief", declared, "Display(\"district=\" + Param(\"district\"));");

        var given = await NotebookRunner.RunAsync(Options(notebook, folder, new Dictionary<string, string> { ["district"] = "430681" }));
        var defaulted = await NotebookRunner.RunAsync(Options(notebook, folder));

        Assert.Contains("district=430681", Outputs(given.Notebook, 1)[0]!.ToJsonString(), StringComparison.Ordinal);
        Assert.EndsWith("brief-430681", given.OutputFolder, StringComparison.Ordinal);
        Assert.Contains("district=500101", Outputs(defaulted.Notebook, 1)[0]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_the_notebook_does_not_declare_is_refused_before_any_cell_runs()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "typo", new Dictionary<string, string?> { ["district"] = "500101" }, "Display(1);");

        var error = await Assert.ThrowsAsync<NotebookParameterException>(() =>
            NotebookRunner.RunAsync(Options(notebook, folder, new Dictionary<string, string> { ["distrct"] = "430681" })));

        Assert.Contains("distrct", error.Message, StringComparison.Ordinal);
        Assert.Contains("district", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parameter_without_default_fails_its_cell_saying_how_to_pass_it()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "missing", "var d = Param(\"district\");");

        var error = await Assert.ThrowsAsync<NotebookCellException>(() => NotebookRunner.RunAsync(Options(notebook, folder)));

        Assert.Equal(2, error.CellNumber);
        Assert.Contains("--param district=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_result_becomes_an_html_table_with_one_row_per_result_row()
    {
        var folder = NewFolder();
        var expected = Convert.ToInt32(_fixture.Column("SELECT count(*) FROM mart_indicator WHERE indicator_id = 'CQ-TECH-SME' AND district_code = 'ALL' AND industry_group = 'ALL'")[0], CultureInfo.InvariantCulture);
        var notebook = TestNotebooks.Write(folder, "table",
            "Table(Sql(\"SELECT indicator_id, year, value FROM mart_indicator WHERE indicator_id = $id AND district_code = 'ALL' AND industry_group = 'ALL' ORDER BY year\", new { id = \"CQ-TECH-SME\" }), \"科技型\");");

        var result = await NotebookRunner.RunAsync(Options(notebook, folder));

        var html = string.Concat(((JsonArray)Outputs(result.Notebook, 1)[0]!["data"]!["text/html"]!).Select(l => l!.GetValue<string>()));
        Assert.Equal(expected + 1, html.Split("<tr>").Length - 1);
        Assert.Contains("<caption>科技型</caption>", html, StringComparison.Ordinal);
        var report = File.ReadAllText(result.Html);
        Assert.Contains("2013年以来认定的科技型中小微型企业", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_executed_notebook_keeps_the_csharp_kernel_metadata()
    {
        var folder = NewFolder();
        var notebook = TestNotebooks.Write(folder, "kernel", "Display(Snapshot.Name);");

        var result = await NotebookRunner.RunAsync(Options(notebook, folder));

        var json = JsonNode.Parse(File.ReadAllText(result.Notebook))!;
        Assert.Equal(".net-csharp", json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Contains("warehouse-fixture", Outputs(result.Notebook, 1)[0]!.ToJsonString(), StringComparison.Ordinal);
    }
}
