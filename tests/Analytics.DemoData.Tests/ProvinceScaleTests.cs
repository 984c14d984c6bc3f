namespace Analytics.DemoData.Tests;

public class ProvinceScaleTests
{
    [Fact]
    public void A_tiny_multiplier_produces_every_streamed_feed_in_proportion()
    {
        using var dir = new TempDirectory();
        var manifest = DemoGenerator.Generate(new DemoOptions { OutputDirectory = dir.Path, ProvinceScale = 0.001 });

        long Rows(string feed) => manifest.Files.Where(f => f.Feed == feed).Sum(f => f.Rows);
        Assert.All(manifest.Files, f => Assert.Equal("pv", f.Region));
        Assert.DoesNotContain(manifest.Files, f => f.Feed == "recognitions");
        Assert.InRange(Rows("registry"), 4_900, 5_300);
        Assert.InRange(Rows("patents"), 10_000, 30_000);
        Assert.InRange(Rows("rd_spend"), 17_000, 32_000);
        Assert.InRange(Rows("survey"), 1_700, 3_300);
    }

    [Fact]
    public void One_feed_can_be_generated_alone()
    {
        using var dir = new TempDirectory();
        var manifest = DemoGenerator.Generate(new DemoOptions { OutputDirectory = dir.Path, ProvinceScale = 0.0005, Feeds = DemoFeeds.Registry });
        var file = Assert.Single(manifest.Files);
        Assert.Equal("registry/registry_pv_2015-12-31.csv", file.Path);
    }

    [Fact]
    public void Rejects_out_of_range_options()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(new DemoOptions { OutputDirectory = "x", Scale = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(new DemoOptions { OutputDirectory = "x", DirtRate = 0.5 }));
        Assert.Throws<ArgumentException>(() => DemoRegionCodes.Parse("sh"));
        Assert.Equal(DemoRegion.Yueyang, DemoRegionCodes.Parse("YY"));
    }
}
