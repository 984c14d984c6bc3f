using Analytics.Warehouse.Building;
using Analytics.Warehouse.Indicators;

namespace Analytics.Warehouse.Tests.Models;

/// <summary>
/// The build reads as a graph a newcomer can follow: every model file is a step, every step reads only what an earlier
/// step made, the indicators read only the shared rules, and docs/warehouse-models.md draws the graph as it is.
/// </summary>
public sealed class ModelGraphTests
{
    [Fact]
    public void Every_model_file_is_a_step_of_the_build_and_every_step_has_its_file()
    {
        var files = EmbeddedFiles.SqlFiles().Where(p => !p.StartsWith("indicators/", StringComparison.Ordinal)).ToList();
        var steps = BuildPlan.Steps.OfType<ModelStep>().Select(s => s.Path).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), steps.Order(StringComparer.Ordinal));
        Assert.Equal(steps.Count, steps.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_model_is_in_a_layer_folder_named_for_what_it_makes_and_is_kept_as_its_layer_keeps_things()
    {
        foreach (var model in BuildPlan.Models())
        {
            Assert.Contains(model.Layer, new[] { "intermediate", "marts" });
            Assert.Equal(model.Layer == "marts", model.IsPublished);
            Assert.True(model.Layer != "intermediate" || model.Name.StartsWith("int_", StringComparison.Ordinal), model.Path);
        }
    }

    [Fact]
    public void Every_step_reads_only_what_an_earlier_step_made()
    {
        var nodes = ModelGraph.Nodes();
        foreach (var node in nodes)
        {
            var made = ModelGraph.MadeBefore(nodes, node.Step);
            Assert.All(node.Reads, read => Assert.True(made.Contains(read), $"step {node.Step} {node.Name} reads {read}, which no earlier step makes"));
        }
    }

    [Fact]
    public void Every_mart_leads_back_to_the_catalog_or_the_lake()
    {
        var nodes = ModelGraph.Nodes();
        var filledByCode = nodes.Where(n => n.Kept == "code").SelectMany(n => n.Makes).ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => n.Kept is "table" or "view" && !filledByCode.Contains(n.Name)))
        {
            Assert.True(node.Reads.Count > 0, $"{node.Name} reads nothing");
        }
    }

    [Fact]
    public void Indicators_are_filters_over_the_shared_rules_not_copies_of_them()
    {
        var known = ModelGraph.Nodes().SelectMany(n => n.Makes).ToHashSet(StringComparer.Ordinal);
        foreach (var path in EmbeddedFiles.SqlFiles().Where(p => p.StartsWith("indicators/", StringComparison.Ordinal)))
        {
            var reads = ModelGraph.ObjectsIn(EmbeddedFiles.Sql(path), known);
            Assert.All(reads, read => Assert.True(IndicatorEngine.Reads.Contains(read), $"Sql/{path} reads {read}; indicators read only {string.Join(", ", IndicatorEngine.Reads)}"));
            // The rules live in one place each: "held at year end", "since the plan's start", the placement of units.
            var sql = string.Join('\n', EmbeddedFiles.Sql(path).Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            Assert.DoesNotMatch(@"\byear_end\b|\bstart_year\b|\bsubstr\(", sql);
        }
    }

    [Fact]
    public void The_reads_of_a_model_ignore_comments_and_string_literals()
    {
        var known = new HashSet<string>(["dim_plan", "fact_patent", "plan_year"], StringComparer.Ordinal);
        var reads = ModelGraph.ObjectsIn("-- fact_patent is not read\nSELECT 'plan_year' AS x /* dim_plan */ FROM dim_plan", known);
        Assert.Equal(["dim_plan"], reads);
    }

    [Fact]
    public void Docs_warehouse_models_is_current()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "warehouse-models.md");
        var expected = ModelGraph.Markdown();
        if (Environment.GetEnvironmentVariable("ANALYTICS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; regenerate: ANALYTICS_UPDATE_DOCS=1 dotnet test tests/Analytics.Warehouse.Tests --filter ModelGraph");
        Assert.True(
            expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            "docs/warehouse-models.md is out of date; regenerate: ANALYTICS_UPDATE_DOCS=1 dotnet test tests/Analytics.Warehouse.Tests --filter ModelGraph");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "warehouse")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (README.md beside warehouse/) is not above " + AppContext.BaseDirectory);
    }
}
