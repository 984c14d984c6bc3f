using System.CommandLine;
using Analytics.Cli;

var root = new RootCommand(
    "analytics — the SME innovation-policy warehouse: generate demo extracts, pull sources into a landing area, " +
    "load them into a validated Parquet lake.\n\n" + ExitCodes.Help);
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(PullCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
return await root.Parse(args).InvokeAsync();
