using System.CommandLine;
using System.Text.Json;
using Analytics.Cli;
using Analytics.Lake.Tests.Support;
using Spectre.Console;

namespace Analytics.Lake.Tests;

/// <summary>
/// The <c>analytics</c> command run in-process. Spectre.Console's console is process-wide, so every test that runs a
/// command lives in this one class (xunit runs a class's tests one at a time) and captures the output here.
/// </summary>
public sealed class AnalyticsCommandTests : IDisposable
{
    private readonly LakeFolder folder = new();
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();
    private readonly IAnsiConsole original = AnsiConsole.Console;

    public AnalyticsCommandTests()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        AnsiConsole.Console = console;
    }

    public void Dispose()
    {
        AnsiConsole.Console = original;
        output.Dispose();
        errors.Dispose();
        folder.Dispose();
    }

    private string Landing => Path.Combine(folder.Root, "landing");

    private int Run(params string[] args) =>
        AnalyticsCommand.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = errors }).GetAwaiter().GetResult();

    /// <summary>What the command wrote to stdout.</summary>
    private string Output => output.ToString();

    /// <summary>What the command wrote to stderr.</summary>
    private string Errors => errors.ToString();

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
    public void Load_with_an_empty_landing_area_exits_0_and_says_nothing_changed()
    {
        Directory.CreateDirectory(Landing);

        var code = Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("nothing", Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(folder.BatchFolders());
    }

    [Fact]
    public void Pull_with_a_configuration_that_is_not_json_exits_2_with_the_problem()
    {
        var config = Path.Combine(folder.Root, "bad.json");
        File.WriteAllText(config, "{ \"sources\": [ { \"name\": \"x\" ");

        var code = Run("pull", "--config", config, "--landing", Landing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not valid JSON", Errors, StringComparison.Ordinal);
        Assert.Contains("bad.json", Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_with_a_missing_configuration_exits_2()
    {
        var code = Run("pull", "--config", Path.Combine(folder.Root, "absent.json"), "--landing", Landing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("does not exist", Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_then_load_publishes_a_batch_and_a_second_load_changes_nothing()
    {
        WriteGoodRegistry();
        var config = RegistryConfig();

        Assert.Equal(ExitCodes.Ok, Run("pull", "--config", config, "--landing", Landing));
        Assert.Equal(ExitCodes.Ok, Run("load", "--landing", Landing, "--lake", folder.LakeRoot, "--memory-limit", "256MB"));
        var batch = Assert.Single(folder.BatchFolders());
        Assert.Contains("batch " + batch["load=".Length..], Output, StringComparison.Ordinal);
        Assert.Contains("registry", Output, StringComparison.Ordinal);
        var before = folder.Snapshot();

        Assert.Equal(ExitCodes.Ok, Run("load", "--landing", Landing, "--lake", folder.LakeRoot));

        Assert.Equal([batch], folder.BatchFolders());
        Assert.Equal(before, folder.Snapshot());
        Assert.Contains("nothing changed", Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_with_a_refused_file_exits_3_names_the_file_and_publishes_nothing()
    {
        WriteGoodRegistry();
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        folder.WriteBytes("noise_2016-12-31.csv", bytes);
        Assert.Equal(ExitCodes.Ok, Run("pull", "--config", RegistryConfig(), "--landing", Landing));

        var code = Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.InputRefused, code);
        Assert.Contains("noise_2016-12-31.csv", Errors, StringComparison.Ordinal);
        Assert.Empty(folder.BatchFolders());
        Assert.Empty(folder.StagingEntries());
    }

    [Fact]
    public void A_refusal_goes_to_stderr_naming_the_file_its_source_and_origin()
    {
        WriteGoodRegistry();
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var origin = folder.WriteBytes("noise_2016-12-31.csv", bytes);
        Assert.Equal(ExitCodes.Ok, Run("pull", "--config", RegistryConfig(), "--landing", Landing));
        output.GetStringBuilder().Clear();

        var code = Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.InputRefused, code);
        Assert.Contains("error:", Errors, StringComparison.Ordinal);
        Assert.Contains("noise_2016-12-31.csv", Errors, StringComparison.Ordinal);
        Assert.Contains("test-registry", Errors, StringComparison.Ordinal);
        Assert.Contains(origin, Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", Output, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_with_a_header_only_file_exits_0_publishes_the_rest_and_names_the_empty_file()
    {
        WriteGoodRegistry();
        folder.WriteText("registry_2017-12-31.csv", Extracts.Registry(), LakeFolder.Gbk);
        Assert.Equal(ExitCodes.Ok, Run("pull", "--config", RegistryConfig(), "--landing", Landing));

        var code = Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Single(folder.BatchFolders());
        Assert.Contains("registry_2017-12-31.csv", Output, StringComparison.Ordinal);
        Assert.Contains("empty delivery", Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ExitCodes.InputRefused)]
    [InlineData("\"with_header\"", ExitCodes.Ok)]
    [InlineData("{ \"name\": \"名单\" }", ExitCodes.Ok)]
    [InlineData("{ \"index\": 2 }", ExitCodes.Ok)]
    public void A_workbook_with_an_explanation_sheet_loads_when_its_source_sets_the_sheets(string? sheets, int expected)
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
        Assert.Equal(ExitCodes.Ok, Run("pull", "--config", config, "--landing", Landing));

        var code = Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        Assert.Equal(expected, code);
        if (expected == ExitCodes.Ok)
        {
            var manifest = BatchManifest.Read(Assert.Single(folder.LoadRecords("published")));
            Assert.Equal(1, manifest.RowsLoaded);
        }
        else
        {
            Assert.Contains("说明", Errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_lists_the_commands_and_the_exit_codes()
    {
        var code = Run("--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Exit codes:", Output, StringComparison.Ordinal);
        Assert.All(new[] { "demo", "pull", "load" }, c => Assert.Contains(c, Output, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_option_exits_2()
    {
        var code = Run("load", "--no-such-option");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--no-such-option", Output + Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_without_its_required_config_option_exits_2()
    {
        var code = Run("pull", "--landing", Landing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--config", Output + Errors, StringComparison.Ordinal);
    }
}
