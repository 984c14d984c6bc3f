using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Building;

/// <summary>A node of the build's graph: a step and the objects it makes and reads.</summary>
/// <param name="Step">The step's position in <see cref="BuildPlan.Steps"/>, from 1.</param>
/// <param name="Name">The model's name, or the code step's.</param>
/// <param name="Layer">sources, staging, intermediate, marts, indicators or tests.</param>
/// <param name="Kept">How it is kept (table, view, temp table, temp view; code for code steps).</param>
/// <param name="Description">What it holds.</param>
/// <param name="Makes">The objects it makes.</param>
/// <param name="Reads">The objects it reads (made by earlier steps).</param>
internal sealed record ModelNode(
    int Step, string Name, string Layer, string Kept, string? Description, IReadOnlyList<string> Makes, IReadOnlyList<string> Reads);

/// <summary>
/// The build as a graph: what each step makes and reads, found in the models' SQL (identifiers that name an object
/// some step makes; comments and string literals are skipped). Rendered as docs/warehouse-models.md, and checked by
/// the tests: every model reads only what an earlier step made.
/// </summary>
internal static partial class ModelGraph
{
    /// <summary>The nodes, in build order.</summary>
    public static IReadOnlyList<ModelNode> Nodes()
    {
        var models = BuildPlan.Models().ToDictionary(m => m.Path, StringComparer.Ordinal);
        var known = BuildPlan.Steps.SelectMany(s => s switch
        {
            ModelStep m => [models[m.Path].Name],
            CodeStep c => c.Makes,
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);

        var nodes = new List<ModelNode>();
        var number = 0;
        foreach (var step in BuildPlan.Steps)
        {
            number++;
            nodes.Add(step switch
            {
                ModelStep m => Node(number, models[m.Path], known),
                CodeStep c => new ModelNode(number, c.Name, LayerOf(c), "code", null, c.Makes, c.Reads),
                _ => throw new InvalidOperationException(step.Name),
            });
        }

        return nodes;
    }

    /// <summary>The objects <paramref name="sql"/> names among <paramref name="known"/>, in order of first use.</summary>
    public static IReadOnlyList<string> ObjectsIn(string sql, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(known);
        var code = WithoutComments(sql);
        return Identifier().Matches(code).Select(m => m.Value).Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary><paramref name="sql"/> with its comments and string literals blanked out.</summary>
    public static string WithoutComments(string sql) => Comments().Replace(sql, " ");

    /// <summary>Every object the build makes before the step numbered <paramref name="step"/>.</summary>
    public static IReadOnlySet<string> MadeBefore(IReadOnlyList<ModelNode> nodes, int step) =>
        nodes.Where(n => n.Step < step).SelectMany(n => n.Makes).ToHashSet(StringComparer.Ordinal);

    /// <summary>docs/warehouse-models.md.</summary>
    public static string Markdown()
    {
        var nodes = Nodes();
        var makers = new Dictionary<string, ModelNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var made in node.Makes)
            {
                makers.TryAdd(made, node);
            }
        }

        var text = new StringBuilder();
        text.Append("""
            # Warehouse models

            <!-- Generated from warehouse/Analytics.Warehouse (Building/BuildPlan.cs and the files under Sql/); a test fails
                 when this file is out of date. Regenerate: ANALYTICS_UPDATE_DOCS=1 dotnet test tests/Analytics.Warehouse.Tests --filter ModelGraph -->

            The build (`analytics build`, `WarehouseBuilder`) runs the steps below in order. Each model is one file under
            `warehouse/Analytics.Warehouse/Sql/`, named for the table or view it makes, opening with its settings and docs:

            ```sql
            /*
            materialized: table            -- table or view of the warehouse; temp table or temp view: build scaffolding
            description: What the table holds, for analysts (its COMMENT)
            columns:
              plan: Plan id (CQ2013, YY2020)   -- every column of a table or view documented, and only those
            */
            SELECT …
            ```

            Layers, as dbt names them:
            - **sources**: the catalog and reference data (`cat_raw_*`, `ref_raw_*`, loaded from CSV) and the lake
              (`lake_*` views over the Parquet files, generated from the lake's layout and columns in `etl/Analytics.Lake`);
            - **staging**: `stg_<feed>`, one row per business key of each feed, generated from the feed contracts' keys
              (`etl/Analytics.Etl/Contracts`): the newest batch wins a key delivered twice;
            - **intermediate** (`Sql/intermediate/`, temporary): the shared rules — where a unit counts, recognitions held
              at year end or granted since the plan's start, SMEs' survey and R&D rows, the indicator roll-up;
            - **marts** (`Sql/marts/`): the dimensions, facts and marts analysts read;
            - **indicators** (`Sql/indicators/`): one SELECT per catalogued indicator, a short filter over the intermediate
              models, whose rows the indicator engine adds to `indicator_contribution`.

            Temporary objects vanish with the build's connection: the published snapshot holds the marts only. Data tests
            ([data-tests.md](data-tests.md)) run after the facts, after the catalog and on the finished warehouse.

            To follow a number back to the lake, start at its mart below and follow **reads**.

            ## Unchanged tables are copied

            A build copies a table from the previous snapshot when everything it is made from is unchanged. Each build
            fingerprints every object it makes (`Building/ReusePlan.cs`, `Building/InputFingerprints.cs`):
            - a lake view by its files: the batches that hold the feed, each batch's manifest, and each Parquet file's
              name and size (a published batch is never written again);
            - a raw catalog table by its rows;
            - a staging view by its statements and its feed's lake fingerprint;
            - a model by its file (SQL, settings, docs) and the fingerprints of what it **reads** below.

            DuckDB's version is part of every fingerprint. The snapshot records the fingerprints in `build_step`. The next
            build (`analytics build`, `refresh`; by default from the current snapshot) compares its own fingerprints with
            them: a table with the same fingerprint is copied, and a temporary model that only copied tables read is not
            made. What a code step makes has no fingerprint, so it is made afresh every time, and so is everything that
            reads it. That covers the indicators, suppression and the marts after them, and `build_lineage`, which reads
            the clock. A previous snapshot that is damaged, unreadable or has no `build_step`, or a copy that fails,
            means every table is built from the lake; the build says why. `analytics build --full` builds every table
            regardless. The data tests over copied tables stand on the previous build's pass ([data-tests.md](data-tests.md)).
            `tests/Analytics.Warehouse.Tests/Snapshots/UnchangedTableCopyTests.cs` checks each case against a build of
            every table from the same lake, table by table.

            ## Steps

            | # | step | layer | kept as | reads |
            | --- | --- | --- | --- | --- |

            """);
        foreach (var node in nodes)
        {
            text.Append(CultureInfo($"| {node.Step} | {Link(node)} | {node.Layer} | {node.Kept} | {string.Join(", ", node.Reads.Select(r => $"`{r}`"))} |\n"));
        }

        text.Append("\n## Models\n");
        foreach (var node in nodes.Where(n => n.Kept != "code"))
        {
            var readBy = nodes.Where(n => n.Reads.Contains(node.Name)).Select(n => $"`{n.Name}`").ToList();
            var lake = Upstream(node, makers).Where(n => n.StartsWith("lake_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            text.Append(CultureInfo($"\n### {node.Name}\n\n`Sql/{PathOf(node)}` · {node.Layer} · {node.Kept}\n\n{node.Description}\n\n"));
            text.Append(CultureInfo($"- reads: {(node.Reads.Count == 0 ? "nothing" : string.Join(", ", node.Reads.Select(r => $"`{r}`")))}\n"));
            text.Append(CultureInfo($"- read by: {(readBy.Count == 0 ? "readers of the snapshot" : string.Join(", ", readBy))}\n"));
            text.Append(CultureInfo($"- from the lake: {(lake.Count == 0 ? "nothing (catalog and reference data only)" : string.Join(", ", lake.Select(l => $"`{l}`")))}\n"));
        }

        return text.ToString();
    }

    private static ModelNode Node(int step, SqlModel model, IReadOnlySet<string> known) => new(
        step,
        model.Name,
        model.Layer,
        model.Materialized switch
        {
            Materialization.Table => "table",
            Materialization.View => "view",
            Materialization.TempTable => "temp table",
            _ => "temp view",
        },
        model.Description,
        [model.Name],
        ObjectsIn(model.Body, known).Where(o => o != model.Name).ToList());

    private static string LayerOf(CodeStep step) => step.Name switch
    {
        "staging" => "staging",
        "indicators" => "indicators",
        _ when step.Name.StartsWith("data tests", StringComparison.Ordinal) => "tests",
        _ when step.Name.StartsWith("disclosure", StringComparison.Ordinal) => "marts",
        _ => "sources",
    };

    private static HashSet<string> Upstream(ModelNode node, Dictionary<string, ModelNode> makers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(node.Reads);
        while (queue.TryDequeue(out var name))
        {
            if (!seen.Add(name) || !makers.TryGetValue(name, out var maker))
            {
                continue;
            }

            foreach (var read in maker.Reads)
            {
                queue.Enqueue(read);
            }
        }

        return seen;
    }

    private static string Link(ModelNode node) => node.Kept != "code" ? $"[{node.Name}](#{node.Name})"
        : node.Makes.Count == 0 ? node.Name
        : $"{node.Name} → {string.Join(", ", node.Makes.Select(m => $"`{m}`"))}";

    private static string PathOf(ModelNode node) => $"{node.Layer}/{node.Name}.sql";

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\b")]
    private static partial Regex Identifier();
}
