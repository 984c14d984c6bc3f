using System.CommandLine;

namespace Analytics.Cli;

/// <summary>The <c>analytics</c> root command with its subcommands (built here so tests can invoke it in-process).</summary>
internal static class AnalyticsCommand
{
    /// <summary>The command tree; every action writes to and builds with <paramref name="context"/>.</summary>
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand(
            "analytics — the SME innovation-policy warehouse: generate demo extracts, pull sources into a landing area, " +
            "load them into a validated Parquet lake, build and publish warehouse snapshots, query them read-only.\n\n" + ExitCodes.Help);
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(PullCommand.Create(context));
        root.Subcommands.Add(LoadCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        root.Subcommands.Add(RefreshCommand.Create(context));
        root.Subcommands.Add(SqlCommand.Create(context));
        root.Subcommands.Add(DocsCommand.Create(context));
        root.Subcommands.Add(NotebookCommand.Create(context));
        root.Subcommands.Add(UsersCommand.Create(context));
        root.Subcommands.Add(TargetsCommand.Create(context));
        root.Subcommands.Add(SubscriptionsCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/> with <paramref name="context"/>'s console, error writer and builder;
    /// bad arguments exit with <see cref="ExitCodes.Usage"/> as documented.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, CliContext context)
    {
        var parse = Create(context).Parse(args);
        // Help and parse errors go where the commands' own output and errors go.
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }).ConfigureAwait(false);
        // System.CommandLine reports parse errors (and prints them with the help) with exit code 1.
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
