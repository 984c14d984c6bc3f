using System.CommandLine;
using Analytics.DemoData;
using Analytics.Lake;
using Analytics.Warehouse.Snapshots;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary><c>analytics demo</c>: generate the demo extracts, pull them into landing, load them into the lake, build a snapshot.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Data folder for extracts/, landing/, lake/ and snapshots/ (default: data/demo in the repository).", DefaultValueFactory = _ => DataPaths.DefaultRoot };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives byte-identical extracts.", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var scale = new Option<double>("--scale") { Description = "Multiplier of the demo's size (1 = tens of thousands of Chongqing SMEs, thousands in Yueyang).", DefaultValueFactory = _ => 1.0 };
        var province = new Option<double?>("--province-scale") { Description = "Instead of the two regions, a province-scale set for benchmarks: k × (5 M enterprises, 20 M patents, 25 M R&D rows, 2.5 M survey rows)." };
        var command = new Command("demo", "Generate the demo extracts (Chongqing 2012–2016, Yueyang 2018–2023), pull them into the landing area, load them into the lake and build the warehouse snapshot.")
        {
            data, seed, scale, province,
        };
        command.SetAction((parse, token) => Task.FromResult(WarehouseErrors.Run(parse, () =>
        {
            var paths = new DataPaths(Path.GetFullPath(parse.GetValue(data)!));
            Steps.Generate(context.Console, new DemoOptions
            {
                OutputDirectory = paths.Extracts,
                Seed = parse.GetValue(seed),
                Scale = parse.GetValue(scale),
                ProvinceScale = parse.GetValue(province),
            }, token);
            var config = Path.Combine(DataPaths.RepositoryRoot() ?? AppContext.BaseDirectory, "config", "sources.demo.json");
            var pull = Steps.Pull(context.Console, config, paths.Landing, new Dictionary<string, string> { ["ANALYTICS_DATA"] = paths.Extracts }, token);
            if (!pull.Succeeded)
            {
                throw new CliFailure(ExitCodes.PullFailed, "some demo extracts could not be pulled; see the table above.");
            }

            var manifest = Steps.Load(context.Console, paths.Landing, paths.Lake, new LakeLoadOptions(), Environment.ProcessorCount, token);
            context.Console.MarkupLine($"Lake: [bold]{Markup.Escape(paths.Lake)}[/] (batch {manifest.BatchId}, {manifest.Status}).");
            BuildStep.Run(context, paths.Lake, paths.Snapshots, new SnapshotStoreOptions(), token);
            return ExitCodes.Ok;
        }, ExitCodes.Unexpected, "The warehouse build failed and nothing was published: ")));
        return command;
    }
}
