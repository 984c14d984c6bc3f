using System.CommandLine;

namespace Analytics.Cli;

/// <summary>The <c>analytics</c> root command with its subcommands (built here so tests can invoke it in-process).</summary>
internal static class AnalyticsCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "analytics — the SME innovation-policy warehouse: generate demo extracts, pull sources into a landing area, " +
            "load them into a validated Parquet lake, build and publish warehouse snapshots, query them read-only.\n\n" + ExitCodes.Help);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(PullCommand.Create());
        root.Subcommands.Add(LoadCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(RefreshCommand.Create());
        root.Subcommands.Add(SqlCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(TargetsCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; bad arguments exit with <see cref="ExitCodes.Usage"/> as documented.</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = Create().Parse(args);
        var code = await parse.InvokeAsync(configuration).ConfigureAwait(false);
        // System.CommandLine reports parse errors (and prints them with the help) with exit code 1.
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
