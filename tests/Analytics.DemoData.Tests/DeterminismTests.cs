using System.Security.Cryptography;

namespace Analytics.DemoData.Tests;

public class DeterminismTests
{
    [Fact]
    public void Same_seed_and_options_give_byte_identical_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        DemoGenerator.Generate(new DemoOptions { OutputDirectory = first.Path, Scale = 0.08 });
        DemoGenerator.Generate(new DemoOptions { OutputDirectory = second.Path, Scale = 0.08, MaxParallelism = 1 });

        var a = Hashes(first.Path);
        var b = Hashes(second.Path);
        Assert.True(a.Count > 30, $"only {a.Count} files");
        Assert.Equal(a, b);
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        DemoGenerator.Generate(new DemoOptions { OutputDirectory = first.Path, Scale = 0.05, Feeds = DemoFeeds.Registry, Regions = [DemoRegion.Yueyang] });
        DemoGenerator.Generate(new DemoOptions { OutputDirectory = second.Path, Scale = 0.05, Feeds = DemoFeeds.Registry, Regions = [DemoRegion.Yueyang], Seed = 7 });

        Assert.NotEqual(Hashes(first.Path)["registry/registry_yy_2020-12-31.csv"], Hashes(second.Path)["registry/registry_yy_2020-12-31.csv"]);
    }

    private static SortedDictionary<string, string> Hashes(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
