using Analytics.DuckDb;
using Analytics.Warehouse;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>Builds the warehouse into an open snapshot file: <see cref="WarehouseBuilder.Build(DuckDbConnection, BuildInputs, IProgress{string}?, CancellationToken)"/>, or a test's small stand-in.</summary>
internal delegate BuildResult WarehouseBuilderFunc(DuckDbConnection connection, BuildInputs inputs, IProgress<string>? progress, CancellationToken token);

/// <summary>
/// What one run of the <c>analytics</c> command writes to, reads from and builds with. <see cref="Program"/> makes the
/// process's own; a test makes one per run, so runs share no console or builder and can go in parallel.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Standard output as a Spectre.Console console: tables, summaries, progress; CSV and JSON results go through its writer.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Standard error: the one <c>error: …</c> line of a failure (<see cref="CommandRunner.Fail"/>) and warnings.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard input: a query given as <c>-</c>, the SQL prompt's lines, a password given with <c>--password-stdin</c>.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>The warehouse builder that <c>build</c>, <c>refresh</c> and <c>demo</c> run.</summary>
    public WarehouseBuilderFunc Builder { get; init; } = WarehouseBuilder.Build;

    /// <summary>Standard output as plain text, under <see cref="Console"/>: what System.CommandLine's help and raw results are written to.</summary>
    public TextWriter Output => Console.Profile.Out.Writer;
}
