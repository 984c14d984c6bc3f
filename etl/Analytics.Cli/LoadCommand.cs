using System.CommandLine;
using Analytics.Lake;

namespace Analytics.Cli;

/// <summary><c>analytics load</c>: validate landed files into the Parquet lake as one atomically published batch.</summary>
internal static class LoadCommand
{
    public static Command Create(CliContext context)
    {
        var landing = new Option<string>("--landing") { Description = "Landing folder written by 'analytics pull'.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Landing };
        var lake = new Option<string>("--lake") { Description = "Lake folder: batch=<id>/feed=<feed>/year=<year>/*.parquet, quarantine and manifests.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Lake };
        var memory = new Option<string>("--memory-limit") { Description = "DuckDB memory limit while staging (spills to disk beyond it).", DefaultValueFactory = _ => new LakeLoadOptions().MemoryLimit };
        var command = new Command("load", "Read, normalise and validate every landed file not yet in the lake; write accepted rows as Parquet (zstd, by feed and year) and rejected rows to quarantine with their rule; publish the batch with one rename.")
        {
            landing, lake, memory,
        };
        command.SetAction((parse, token) => Task.FromResult(CommandRunner.Run(parse, () =>
        {
            Steps.Load(context.Console, Path.GetFullPath(parse.GetValue(landing)!), Path.GetFullPath(parse.GetValue(lake)!), new LakeLoadOptions { MemoryLimit = parse.GetValue(memory)! }, token);
            return ExitCodes.Ok;
        })));
        return command;
    }
}
