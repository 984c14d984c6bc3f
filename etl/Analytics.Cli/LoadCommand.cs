using System.CommandLine;
using Analytics.Lake;

namespace Analytics.Cli;

/// <summary><c>analytics load</c>: validate landed files into the Parquet lake as one atomically published batch.</summary>
internal static class LoadCommand
{
    public static Command Create(CliContext context)
    {
        var landing = new Option<string>("--landing") { Description = "Landing folder written by 'analytics pull'.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Landing };
        var lake = new Option<string>("--lake") { Description = "Lake folder: load=<id>/feed=<feed>/year=<year>/*.parquet, quarantine and manifests.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Lake };
        var memory = new Option<string>("--memory-limit") { Description = "DuckDB memory limit while staging (spills to disk beyond it).", DefaultValueFactory = _ => new LakeLoadOptions().MemoryLimit };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for another load of the same lake to finish; 0 (the default) refuses at once with exit code 10, naming the load that holds the lake.", DefaultValueFactory = _ => 0 };
        wait.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--wait must be 0 or more seconds."); } });
        var parallel = new Option<int>("--parallel") { Description = "Threads that validate one CSV or JSON Lines file (split at record boundaries), and workbooks (and files too small to split) read at a time, one per thread; the lake is the same whatever the number. 1 reads each file sequentially, one after another. Default: one per core.", DefaultValueFactory = _ => Environment.ProcessorCount };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--parallel must be at least 1."); } });
        var status = new Option<bool>("--status") { Description = "Load nothing: list the lake's latest load attempts (lake/_loads/), a running one whose process is gone shown as killed." };
        var last = new Option<int>("--last") { Description = "With --status: how many attempts to list.", DefaultValueFactory = _ => 20 };
        last.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--last must be at least 1."); } });
        var command = new Command("load", "Read, normalise and validate every landed file not yet in the lake; write accepted rows as Parquet (zstd, by feed and year) and rejected rows to quarantine with their rule; publish the batch with one rename. One load at a time per lake (lake/_load.lock); every attempt is recorded in lake/_loads/.")
        {
            landing, lake, memory, wait, parallel, status, last,
        };
        command.SetAction((parse, token) => Task.FromResult(CommandRunner.Run(parse, () =>
        {
            if (parse.GetValue(status))
            {
                LoadStatusReport.Print(context.Console, Path.GetFullPath(parse.GetValue(lake)!), parse.GetValue(last));
                return ExitCodes.Ok;
            }

            Steps.Load(context.Console, Path.GetFullPath(parse.GetValue(landing)!), Path.GetFullPath(parse.GetValue(lake)!), new LakeLoadOptions { MemoryLimit = parse.GetValue(memory)!, LockWait = TimeSpan.FromSeconds(parse.GetValue(wait)) }, parse.GetValue(parallel), token);
            return ExitCodes.Ok;
        })));
        return command;
    }
}
