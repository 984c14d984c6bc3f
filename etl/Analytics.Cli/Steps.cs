using System.Globalization;
using Analytics.DemoData;
using Analytics.Etl.Sources;
using Analytics.Lake;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>The pipeline's steps as the commands run them: each reports progress and ends with a summary table.</summary>
internal static class Steps
{
    public static DemoManifest Generate(IAnsiConsole console, DemoOptions options, CancellationToken token)
    {
        DemoManifest? manifest = null;
        StepProgress.Run(console, $"Generating demo extracts into {options.OutputDirectory}", 0, status =>
        {
            var progress = new SynchronousProgress<DemoProgress>(p =>
            {
                if (p.Completed)
                {
                    status.Say($"Generated {p.Region} {p.Feed} ({p.Rows:N0} rows)");
                }
            });
            manifest = DemoGenerator.Generate(options, progress, token);
            status.Say("Generated demo extracts");
        });
        return manifest!;
    }

    public static PullReport Pull(IAnsiConsole console, string configPath, string landingRoot, IReadOnlyDictionary<string, string>? variables, CancellationToken token)
    {
        var config = SourcesConfigReader.Load(configPath, variables);
        using var puller = new SourcePuller(new LandingArea(landingRoot));
        PullReport? report = null;
        StepProgress.Run(console, $"Pulling {config.Sources.Count} source(s) into {landingRoot}", 0, status =>
        {
            report = puller.PullAsync(config, null, token).GetAwaiter().GetResult();
            status.Say($"Pulled {config.Sources.Count} source(s)");
        });

        var table = new Table().Title("Pull").AddColumns("source", "feed", "new", "unchanged", "failed", "bytes landed", "error");
        foreach (var s in report!.Sources)
        {
            table.AddRow(Markup.Escape(s.Source.Name), s.Source.Feed.ToName(), s.New.ToString("N0", CultureInfo.CurrentCulture), s.Unchanged.ToString("N0", CultureInfo.CurrentCulture),
                s.Failed.ToString("N0", CultureInfo.CurrentCulture), s.BytesLanded.ToString("N0", CultureInfo.CurrentCulture), Markup.Escape(s.Error ?? ""));
        }

        console.Write(table);
        return report;
    }

    public static BatchManifest Load(IAnsiConsole console, string landingRoot, string lakeRoot, LakeLoadOptions options, int parallel, CancellationToken token)
    {
        if (!Directory.Exists(landingRoot))
        {
            throw new CliFailure(ExitCodes.Usage,
                $"the landing area '{landingRoot}' does not exist. Pass the folder 'analytics pull' lands into with --landing, or run 'analytics pull' first.");
        }

        var slowDown = TestHookFileDelay();
        var inputs = LandedInputs.Read(new LandingArea(landingRoot));
        var loader = new LakeLoader(new LakeLayout(lakeRoot), EtlFileReader.WithParallelism(parallel), options with { Parallelism = parallel });
        BatchManifest? manifest = null;
        StepProgress.Run(console, $"Loading {inputs.Count} landed file(s) into {lakeRoot}", Math.Max(1, inputs.Count), status =>
        {
            var progress = new SynchronousProgress<LoadProgress>(p =>
            {
                if (p.WritingParquet)
                {
                    status.Say($"Writing the batch as Parquet ({p.Count} file(s) read): {p.Phase}");
                    status.Done(p.Index);
                    return;
                }

                status.Say($"Loading {p.File} ({p.Index + 1} of {p.Count})");
                status.Done(p.Index);
                if (slowDown > TimeSpan.Zero)
                {
                    token.WaitHandle.WaitOne(slowDown);
                }
            });
            manifest = loader.Load(inputs, progress, token);
            status.Say(manifest.Status == "nothing_new" ? "Nothing new to load" : $"Loaded batch {manifest.BatchId}");
        });

        LoadSummary.Print(console, manifest!);
        return manifest!;
    }

    /// <summary>
    /// Tests only: <c>ANALYTICS_TEST_LOAD_FILE_DELAY_MS</c> makes the load pause before each file, holding its lock, its
    /// running record and its staging folder, so a test can kill the process mid-load (docs/testing.md).
    /// </summary>
    private static TimeSpan TestHookFileDelay() =>
        int.TryParse(Environment.GetEnvironmentVariable("ANALYTICS_TEST_LOAD_FILE_DELAY_MS"), CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.Zero;

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, out of order with the table).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
