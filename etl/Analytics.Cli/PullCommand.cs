using System.CommandLine;

namespace Analytics.Cli;

/// <summary><c>analytics pull</c>: copy every source's files, byte for byte, into the landing area.</summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<string>("--config") { Description = "Sources configuration (JSON): folders with globs and HTTP(S) URLs per feed.", Required = true };
        var landing = new Option<string>("--landing") { Description = "Landing folder; files land as <feed>/<sha256>/<name> with an index.jsonl.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Landing };
        var command = new Command("pull", "Copy every configured source's files into the landing area, named by sha256. Content already landed is skipped; HTTP uses ETag/If-Modified-Since, retries 5xx and time-outs, and refuses truncated downloads.")
        {
            config, landing,
        };
        command.SetAction((parse, token) => Task.FromResult(CommandRunner.Run(parse, () =>
        {
            var report = Steps.Pull(context.Console, Path.GetFullPath(parse.GetValue(config)!), Path.GetFullPath(parse.GetValue(landing)!), null, token);
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.PullFailed;
        })));
        return command;
    }
}
