using System.Globalization;
using System.Diagnostics;
using Analytics.DemoData;

namespace Analytics.Etl.Benchmarks;

/// <summary>The province-scale extracts a run loads: generated into the work folder, or reused from an earlier run.</summary>
internal static class ExtractSet
{
    public static (string Folder, DemoManifest Manifest) Obtain(BenchmarkOptions options)
    {
        if (options.Reuse is { } reuse)
        {
            var manifest = DemoManifest.FromJson(File.ReadAllText(Path.Combine(reuse, DemoManifest.FileName)));
            Console.WriteLine($"Reusing the extracts in {reuse} (province scale {manifest.ProvinceScale?.ToString(CultureInfo.InvariantCulture) ?? "none"}).");
            var missing = options.Feeds.Where(f => manifest.Files.All(e => e.Feed != f)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"{reuse} holds no {string.Join(", ", missing)} files: generate them (drop --reuse).");
            }

            return (reuse, manifest);
        }

        var folder = Path.Combine(options.WorkDirectory, "extracts");
        var feeds = options.Feeds.Aggregate(DemoFeeds.None, (all, f) => all | FeedOf(f));
        Console.Write($"Generating province scale {options.Scale} ({string.Join(", ", options.Feeds)}) into {folder} … ");
        var stopwatch = Stopwatch.StartNew();
        var generated = DemoGenerator.Generate(new DemoOptions { OutputDirectory = folder, ProvinceScale = options.Scale, Feeds = feeds });
        Console.WriteLine($"{stopwatch.Elapsed.TotalSeconds:F1} s, {generated.Files.Sum(f => f.Rows):N0} rows, {generated.Files.Sum(f => f.Bytes) / 1e6:N0} MB.");
        return (folder, generated);
    }

    private static DemoFeeds FeedOf(string feed) => feed switch
    {
        "registry" => DemoFeeds.Registry,
        "patents" => DemoFeeds.Patents,
        "rd_spend" => DemoFeeds.RdSpend,
        _ => DemoFeeds.Survey,
    };
}
