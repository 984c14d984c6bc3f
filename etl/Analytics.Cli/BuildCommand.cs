using System.CommandLine;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Cli;

/// <summary><c>analytics build</c>: build a warehouse snapshot from the lake and publish it atomically.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var lake = new Option<string>("--lake") { Description = "Lake folder written by 'analytics load'.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Lake };
        var snapshots = new Option<string>("--snapshots") { Description = "Snapshot folder: warehouse-<time>-<id>.duckdb files, current.json, exports/<snapshot>/mart_*.parquet.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Snapshots };
        var targets = new Option<string?>("--targets") { Description = "Target versions recorded after the plan (JSON lines, as the admin page and 'analytics targets set' write them); default <snapshots>/target-revisions.jsonl." };
        var keep = new Option<int>("--keep") { Description = "How many snapshots to keep (the current one and any published in the last minute are always kept).", DefaultValueFactory = _ => 3 };
        var memory = new Option<string>("--memory-limit")
        {
            Description = "DuckDB memory limit while building (spills to disk beyond it).", DefaultValueFactory = _ => new SnapshotStoreOptions().MemoryLimit!,
        };
        var full = new Option<bool>("--full") { Description = "Build every table from the lake; by default a table whose inputs (lake files, catalog, model SQL) are unchanged since the current snapshot is copied from it." };
        keep.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--keep must be at least 1: the current snapshot is always kept.");
            }
        });
        var command = new Command("build", "Build the warehouse (star schema, indicator marts) from the lake into a new DuckDB file, export the marts as Parquet, and publish it as the current snapshot with one rename; a failed or cancelled build leaves the previous snapshot current.")
        {
            lake, snapshots, keep, memory, targets, full,
        };
        command.SetAction((parse, token) => Task.FromResult(WarehouseErrors.Run(parse, () =>
        {
            BuildStep.Run(context, Path.GetFullPath(parse.GetValue(lake)!), Path.GetFullPath(parse.GetValue(snapshots)!),
                new SnapshotStoreOptions { Keep = parse.GetValue(keep), MemoryLimit = parse.GetValue(memory) }, token,
                parse.GetValue(targets) is { } t ? Path.GetFullPath(t) : null, parse.GetValue(full));
            return ExitCodes.Ok;
        }, ExitCodes.Unexpected, "The warehouse build failed and nothing was published (the previous snapshot stays current): ")));
        return command;
    }
}
