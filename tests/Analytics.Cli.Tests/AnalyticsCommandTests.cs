using System.Text.Json;
using Analytics.Cli.Tests.Support;
using Analytics.Lake;
using Analytics.Lake.Tests.Support;

namespace Analytics.Cli.Tests;

/// <summary><c>analytics pull</c>, <c>load</c> and the command line itself, run in-process: exit codes, stdout and stderr.</summary>
public sealed class AnalyticsCommandTests : IDisposable
{
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Landing => Path.Combine(folder.Root, "landing");

    private static Task<CommandRun> Run(params string[] args) => CommandRun.InvokeAsync(args);

    /// <summary>A sources configuration with one folder source of registry CSVs in the extracts folder.</summary>
    private string RegistryConfig()
    {
        var config = $$"""
            { "sources": [ { "name": "test-registry", "feed": "registry", "folder": {{JsonSerializer.Serialize(folder.Extracts)}}, "include": ["*.csv"], "encoding": "gbk" } ] }
            """;
        var path = Path.Combine(folder.Root, "sources.json");
        File.WriteAllText(path, config);
        return path;
    }

    private void WriteGoodRegistry() => folder.WriteText("registry_2016-12-31.csv",
        Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(1)), Extracts.RegistryRow(Extracts.WrongCheck(Extracts.Credit(2)))), LakeFolder.Gbk);

    [Fact]
    public async Task Load_with_an_empty_landing_area_exits_0_and_says_nothing_changed()
    {
        Directory.CreateDirectory(Landing);

        var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("nothing", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(folder.BatchFolders());
    }

    [Fact]
    public async Task Pull_with_a_configuration_that_is_not_json_exits_2_with_the_problem()
    {
        var config = Path.Combine(folder.Root, "bad.json");
        File.WriteAllText(config, "{ \"sources\": [ { \"name\": \"x\" ");

        var run = await Run("pull", "--config", config, "--landing", Landing);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("not valid JSON", run.Errors, StringComparison.Ordinal);
        Assert.Contains("bad.json", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_with_a_missing_configuration_exits_2()
    {
        var run = await Run("pull", "--config", Path.Combine(folder.Root, "absent.json"), "--landing", Landing);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("does not exist", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_then_load_publishes_a_batch_and_a_second_load_changes_nothing()
    {
        WriteGoodRegistry();
        var config = RegistryConfig();

        Assert.Equal(ExitCodes.Ok, (await Run("pull", "--config", config, "--landing", Landing)).ExitCode);
        var load = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot, "--memory-limit", "256MB");
        Assert.Equal(ExitCodes.Ok, load.ExitCode);
        var batch = Assert.Single(folder.BatchFolders());
        Assert.Contains("batch " + batch["load=".Length..], load.Output, StringComparison.Ordinal);
        Assert.Contains("registry", load.Output, StringComparison.Ordinal);
        var before = folder.Snapshot();

        var again = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Equal([batch], folder.BatchFolders());
        Assert.Equal(before, folder.Snapshot());
        Assert.Contains("nothing changed", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_with_a_refused_file_exits_3_names_the_file_and_publishes_nothing()
    {
        WriteGoodRegistry();
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        folder.WriteBytes("noise_2016-12-31.csv", bytes);
        Assert.Equal(ExitCodes.Ok, (await Run("pull", "--config", RegistryConfig(), "--landing", Landing)).ExitCode);

        var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.InputRefused, run.ExitCode);
        Assert.Contains("noise_2016-12-31.csv", run.Errors, StringComparison.Ordinal);
        Assert.Empty(folder.BatchFolders());
        Assert.Empty(folder.StagingEntries());
    }

    [Fact]
    public async Task A_refusal_goes_to_stderr_naming_the_file_its_source_and_origin()
    {
        WriteGoodRegistry();
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var origin = folder.WriteBytes("noise_2016-12-31.csv", bytes);
        Assert.Equal(ExitCodes.Ok, (await Run("pull", "--config", RegistryConfig(), "--landing", Landing)).ExitCode);

        var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.InputRefused, run.ExitCode);
        Assert.Contains("error:", run.Errors, StringComparison.Ordinal);
        Assert.Contains("noise_2016-12-31.csv", run.Errors, StringComparison.Ordinal);
        Assert.Contains("test-registry", run.Errors, StringComparison.Ordinal);
        Assert.Contains(origin, run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_with_a_header_only_file_exits_0_publishes_the_rest_and_names_the_empty_file()
    {
        WriteGoodRegistry();
        folder.WriteText("registry_2017-12-31.csv", Extracts.Registry(), LakeFolder.Gbk);
        Assert.Equal(ExitCodes.Ok, (await Run("pull", "--config", RegistryConfig(), "--landing", Landing)).ExitCode);

        var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Single(folder.BatchFolders());
        Assert.Contains("registry_2017-12-31.csv", run.Output, StringComparison.Ordinal);
        Assert.Contains("empty delivery", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ExitCodes.InputRefused)]
    [InlineData("\"with_header\"", ExitCodes.Ok)]
    [InlineData("{ \"name\": \"名单\" }", ExitCodes.Ok)]
    [InlineData("{ \"index\": 2 }", ExitCodes.Ok)]
    public async Task A_workbook_with_an_explanation_sheet_loads_when_its_source_sets_the_sheets(string? sheets, int expected)
    {
        new Analytics.Etl.Tests.Support.XlsxBuilder()
            .Sheet("说明").Row(1, "本表为2019年高新技术企业认定名单").Row(2, "日期格式 2019-01-01")
            .Sheet("名单").Row(1, "统一社会信用代码", "企业名称", "认定类型", "认定级别", "认定日期")
            .Row(2, Extracts.Credit(1), "甲公司", "HNTE", "国家", "2019-11-01")
            .Write(Path.Combine(folder.Extracts, "recognitions_2019.xlsx"));
        var setting = sheets is null ? "" : $", \"sheets\": {sheets}";
        var config = Path.Combine(folder.Root, "sources.json");
        File.WriteAllText(config, $$"""
            { "sources": [ { "name": "hnte", "feed": "recognitions", "folder": {{JsonSerializer.Serialize(folder.Extracts)}}, "include": ["*.xlsx"]{{setting}} } ] }
            """);
        Assert.Equal(ExitCodes.Ok, (await Run("pull", "--config", config, "--landing", Landing)).ExitCode);

        var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(expected, run.ExitCode);
        if (expected == ExitCodes.Ok)
        {
            var manifest = BatchManifest.Read(Assert.Single(folder.LoadRecords("published")));
            Assert.Equal(1, manifest.RowsLoaded);
        }
        else
        {
            Assert.Contains("说明", run.Errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_exit_codes_on_stdout()
    {
        var run = await Run("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
        Assert.All(new[] { "demo", "pull", "load" }, c => Assert.Contains(c, run.Output, StringComparison.Ordinal));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task An_unknown_option_exits_2()
    {
        var run = await Run("load", "--no-such-option");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--no-such-option", run.Output + run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_without_its_required_config_option_exits_2()
    {
        var run = await Run("pull", "--landing", Landing);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--config", run.Output + run.Errors, StringComparison.Ordinal);
    }
}
