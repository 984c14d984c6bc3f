using System.Diagnostics;
using System.Text.Json;
using Analytics.Cli.Tests.Support;
using Analytics.Lake;
using Analytics.Lake.Tests.Support;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests;

/// <summary>
/// <c>analytics load</c> against what operators met: a second load while one runs, a load killed with <c>kill -9</c>
/// (a real child process), a full disk, a folder it may not write, a landing area that is not there.
/// </summary>
public sealed class LoadFailureCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Landing => Path.Combine(folder.Root, "landing");

    private static Task<CommandRun> Run(params string[] args) => CommandRun.InvokeAsync(args);

    /// <summary>Writes two registry extracts and pulls them into the landing area.</summary>
    private async Task PullTwoFiles()
    {
        folder.WriteText("registry_2015-12-31.csv", Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(1))), LakeFolder.Gbk);
        folder.WriteText("registry_2016-12-31.csv", Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(2))), LakeFolder.Gbk);
        var config = Path.Combine(folder.Root, "sources.json");
        File.WriteAllText(config, $$"""
            { "sources": [ { "name": "test-registry", "feed": "registry", "folder": {{JsonSerializer.Serialize(folder.Extracts)}}, "include": ["*.csv"], "encoding": "gbk" } ] }
            """);
        Assert.Equal(ExitCodes.Ok, (await Run("pull", "--config", config, "--landing", Landing)).ExitCode);
    }

    /// <summary>Asserts the documented shape of a failure: one <c>error:</c> line on stderr, no stack trace.</summary>
    private static void OneErrorLine(CommandRun run, int code, string says)
    {
        Assert.Equal(code, run.ExitCode);
        var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_killed_with_kill_9_refuses_no_one_after_it_and_the_next_load_marks_it_killed_and_removes_its_staging()
    {
        await PullTwoFiles();
        // The real program in a child process, pausing before each file (a test hook) so it can be killed mid-load.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "analytics.dll"), "load", "--landing", Landing, "--lake", folder.LakeRoot, "--memory-limit", "256MB"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ANALYTICS_TEST_LOAD_FILE_DELAY_MS"] = "120000" },
        };
        using var child = Process.Start(start)!;
        try
        {
            var watch = Stopwatch.StartNew();
            while (!(LoadRecords.Running(folder.Layout).Any(r => r.Pid == child.Id) && folder.StagingEntries().Length > 0))
            {
                Assert.False(child.HasExited, $"the child load ended early ({(child.HasExited ? child.ExitCode : 0)}): {(child.HasExited ? await child.StandardError.ReadToEndAsync() : "")}");
                Assert.True(watch.Elapsed < Bound, "the child load never started");
                await Task.Delay(100);
            }

            // While it runs, a second load is refused at once, naming it.
            var second = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);
            OneErrorLine(second, ExitCodes.LakeBusy, $"pid {child.Id}");
            Assert.Contains("--wait", second.Errors, StringComparison.Ordinal);
            var running = await Run("load", "--status", "--lake", folder.LakeRoot);
            Assert.Equal(ExitCodes.Ok, running.ExitCode);
            Assert.Contains($"{child.Id} on ", running.Output, StringComparison.Ordinal);
            Assert.Contains("holds lake/_load.lock", running.Output, StringComparison.Ordinal);

            child.Kill();
            await child.WaitForExitAsync().WaitAsync(Bound);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }

        // What kill -9 left: a running record, a staging folder, nothing published.
        Assert.Empty(folder.BatchFolders());
        Assert.NotEmpty(folder.StagingEntries());
        Assert.Single(LoadRecords.Running(folder.Layout));
        var status = await Run("load", "--status", "--lake", folder.LakeRoot);
        Assert.Contains("killed", status.Output, StringComparison.Ordinal);
        Assert.Contains("its process is gone", status.Output, StringComparison.Ordinal);

        var next = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot, "--memory-limit", "256MB");

        Assert.Equal(ExitCodes.Ok, next.ExitCode);
        Assert.Contains("never finished", next.Output, StringComparison.Ordinal);
        Assert.Contains("Removed 1 staging folder", next.Output, StringComparison.Ordinal);
        Assert.Empty(folder.StagingEntries());
        Assert.Single(folder.BatchFolders());
        var records = LoadRecords.All(folder.Layout);
        Assert.Equal(2, records.Count);
        var killed = Assert.Single(records, r => r.Status == LoadStatus.Killed);
        Assert.Equal(child.Id, killed.Pid);
        Assert.Contains($"pid {child.Id}", killed.Error, StringComparison.Ordinal);
        Assert.Equal(LoadStatus.Published, Assert.Single(records, r => r.Status != LoadStatus.Killed).Status);
    }

    [Fact]
    public async Task A_second_load_with_wait_queues_behind_the_first_and_finds_nothing_new()
    {
        await PullTwoFiles();
        var runs = await Task.WhenAll(
            Run("load", "--landing", Landing, "--lake", folder.LakeRoot, "--memory-limit", "256MB", "--wait", "90"),
            Run("load", "--landing", Landing, "--lake", folder.LakeRoot, "--memory-limit", "256MB", "--wait", "90"));

        Assert.All(runs, r => Assert.Equal(ExitCodes.Ok, r.ExitCode));
        Assert.Single(folder.BatchFolders());
        Assert.Equal([LoadStatus.NothingNew, LoadStatus.Published], LoadRecords.All(folder.Layout).Select(r => r.Status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_load_onto_a_full_disk_exits_11_with_one_line_saying_so_and_publishes_nothing()
    {
        await PullTwoFiles();
        using var disk = SmallDisk.Mount(512, out var whyNot);
        if (disk is null)
        {
            output.WriteLine("Skipped: " + whyNot);
            return;
        }

        var lake = Path.Combine(disk.Folder, "lake");
        Directory.CreateDirectory(lake);
        SmallDisk.Fill(disk.Folder);

        var run = await Run("load", "--landing", Landing, "--lake", lake, "--memory-limit", "256MB");

        OneErrorLine(run, ExitCodes.NoSpace, "no space left on the disk");
        Assert.Contains("Free space", run.Errors, StringComparison.Ordinal);
        Assert.Empty(new LakeLayout(lake).PublishedBatches());
    }

    [Fact]
    public async Task A_load_into_a_lake_it_may_not_write_exits_12_with_one_line_saying_so()
    {
        await PullTwoFiles();
        Directory.CreateDirectory(folder.LakeRoot);
        using (SmallDisk.Deny(folder.LakeRoot))
        {
            var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

            OneErrorLine(run, ExitCodes.PermissionDenied, "permission denied");
            Assert.Contains(folder.LakeRoot, run.Errors, StringComparison.Ordinal);
        }

        Assert.Empty(folder.BatchFolders());
    }

    [Fact]
    public async Task A_load_from_a_landing_area_that_does_not_exist_exits_2_and_says_to_pull()
    {
        var run = await Run("load", "--landing", Landing, "--lake", folder.LakeRoot);

        OneErrorLine(run, ExitCodes.Usage, "does not exist");
        Assert.Contains("analytics pull", run.Errors, StringComparison.Ordinal);
    }
}
