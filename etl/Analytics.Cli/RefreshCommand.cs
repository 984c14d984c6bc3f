using System.CommandLine;
using Analytics.Lake;
using Analytics.Warehouse.Snapshots;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary><c>analytics refresh</c>: pull, load and build in one go.</summary>
internal static class RefreshCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<string>("--config") { Description = "Sources configuration (JSON) for the pull (default: config/sources.demo.json in the repository).", DefaultValueFactory = _ => Path.Combine(DataPaths.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "config", "sources.demo.json") };
        var data = new Option<string>("--data") { Description = "Data folder holding landing/, lake/ and snapshots/ (default: data/demo in the repository).", DefaultValueFactory = _ => DataPaths.DefaultRoot };
        var keep = new Option<int>("--keep") { Description = "How many snapshots to keep.", DefaultValueFactory = _ => 3 };
        var full = new Option<bool>("--full") { Description = "Build every table from the lake; by default a table whose inputs are unchanged since the current snapshot is copied from it." };
        var command = new Command("refresh", "Pull every source into landing, load what is new into the lake, and build and publish a new warehouse snapshot (skipped when the current snapshot already covers every lake batch).")
        {
            config, data, keep, full,
        };
        command.SetAction((parse, token) => Task.FromResult(WarehouseErrors.Run(parse, () =>
        {
            var paths = new DataPaths(Path.GetFullPath(parse.GetValue(data)!));
            var pull = Steps.Pull(context.Console, Path.GetFullPath(parse.GetValue(config)!), paths.Landing, null, token);
            if (!pull.Succeeded)
            {
                throw new CliFailure(ExitCodes.PullFailed, "some sources could not be pulled (see the table above); nothing was loaded or built.");
            }

            var manifest = Steps.Load(context.Console, paths.Landing, paths.Lake, new LakeLoadOptions(), Environment.ProcessorCount, token);
            var current = new SnapshotStore(paths.Snapshots).Current;
            if (manifest.Status == "nothing_new" && current is not null && CoversLake(current, paths.Lake))
            {
                context.Console.MarkupLine($"The current snapshot [bold]{Markup.Escape(current.Name)}[/] already covers every lake batch; nothing to build.");
                return ExitCodes.Ok;
            }

            BuildStep.Run(context, paths.Lake, paths.Snapshots, new SnapshotStoreOptions { Keep = parse.GetValue(keep) }, token, full: parse.GetValue(full));
            return ExitCodes.Ok;
        }, ExitCodes.Unexpected, "The warehouse build failed and nothing was published (the previous snapshot stays current): ")));
        return command;
    }

    private static bool CoversLake(SnapshotInfo current, string lakeRoot)
    {
        var batches = new LakeLayout(lakeRoot).PublishedBatches().Select(b => Path.GetFileName(b)["load=".Length..]);
        return batches.All(current.BatchIds.Contains);
    }
}
