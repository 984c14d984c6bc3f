using System.CommandLine;
using Analytics.DuckDb;
using Analytics.Snapshots;
using Analytics.Warehouse.Snapshots;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary><c>analytics docs dictionary</c>: generate the data dictionary (Markdown) from a snapshot's COMMENT ON descriptions.</summary>
internal static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var snapshot = new Option<string>("--snapshot") { Description = "A snapshot file (.duckdb) or a snapshot folder with current.json (default: $ANALYTICS_SNAPSHOT, else data/demo/snapshots).", DefaultValueFactory = _ => SqlCommand.DefaultSnapshot() };
        var output = new Option<string>("--out") { Description = "The Markdown file to write.", DefaultValueFactory = _ => Path.Combine(DataPaths.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "docs", "data-dictionary.md") };
        var dictionary = new Command("dictionary", "Write the data dictionary — every table, view and column with its type and description — from a snapshot's catalog (duckdb_tables(), duckdb_columns()).")
        {
            snapshot, output,
        };
        dictionary.SetAction((parse, token) => Task.FromResult(WarehouseErrors.Run(parse, () =>
        {
            var file = SnapshotResolver.Resolve(parse.GetValue(snapshot)!);
            IReadOnlyList<CatalogObject> objects;
            using (var connection = SnapshotConnections.OpenReadOnly(file))
            {
                objects = CatalogDescription.Read(connection);
            }

            var target = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, DataDictionary.Render(objects, Path.GetFileNameWithoutExtension(file), DuckDbEngine.Version));
            context.Console.MarkupLine($"Wrote [bold]{Markup.Escape(target)}[/]: {objects.Count} tables and views from {Markup.Escape(Path.GetFileName(file))}.");
            return ExitCodes.Ok;
        })));
        return new Command("docs", "Generate documentation from a snapshot.") { dictionary };
    }
}
