namespace Analytics.DemoData.Tests;

[Collection(DemoOutputCollection.Name)]
public class ManifestTests(DemoOutput output)
{
    [Fact]
    public void Lists_every_file_written_with_its_size()
    {
        var written = Directory.EnumerateFiles(output.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output.Directory, f).Replace('\\', '/'))
            .Where(f => f != DemoManifest.FileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(written, output.Manifest.Files.Select(f => f.Path));
        Assert.All(output.Manifest.Files, f => Assert.Equal(new FileInfo(output.PathOf(f)).Length, f.Bytes));
    }

    [Fact]
    public void Has_the_expected_files_per_region()
    {
        Assert.Equal(5, output.Files("registry", "cq").Count());
        Assert.Equal(6, output.Files("registry", "yy").Count());
        Assert.Equal(5, output.Files("survey", "cq").Count());
        Assert.Equal(6, output.Files("survey", "yy").Count());
        Assert.Single(output.Files("patents", "yy"));
        Assert.Single(output.Files("rd_spend", "cq"));
        Assert.Contains(output.Manifest.Files, f => f.Path == "registry/registry_cq_2014-12-31.csv");
    }

    [Fact]
    public void Default_sizes_are_as_documented()
    {
        var cq2014 = output.Files("registry", "cq").Single(f => f.Path.Contains("2014", StringComparison.Ordinal)).Rows;
        var yy2020 = output.Files("registry", "yy").Single(f => f.Path.Contains("2020", StringComparison.Ordinal)).Rows;
        Assert.InRange(cq2014, 28_000, 38_000);
        Assert.InRange(yy2020, 7_000, 10_000);
    }

    [Theory]
    [InlineData("registry")]
    [InlineData("patents")]
    [InlineData("rd_spend")]
    [InlineData("survey")]
    [InlineData("recognitions")]
    public void Each_dirt_kind_is_about_one_percent_of_rows(string feed)
    {
        var files = output.Manifest.Files.Where(f => f.Feed == feed).ToList();
        var rows = files.Sum(f => f.Rows);
        var kinds = files.SelectMany(f => f.Dirt).Where(d => d.Key is not ("blank_line" or "totals_row" or "old_district_after_change"))
            .GroupBy(d => d.Key, d => d.Value).ToDictionary(g => g.Key, g => g.Sum());
        Assert.True(kinds.Count >= 7, string.Join(", ", kinds.Keys));
        foreach (var (kind, count) in kinds)
        {
            Assert.InRange((double)count / rows, 0.006, 0.014);
        }
    }

    [Fact]
    public void Csv_and_xlsx_files_end_with_blank_lines_and_a_totals_row()
    {
        Assert.All(output.Manifest.Files.Where(f => f.Feed != "patents"), f =>
        {
            Assert.True(f.Dirt.GetValueOrDefault("totals_row") >= 1, f.Path);
            Assert.True(f.Dirt.GetValueOrDefault("blank_line") >= 1, f.Path);
        });
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var json = File.ReadAllText(Path.Combine(output.Directory, DemoManifest.FileName));
        var read = DemoManifest.FromJson(json);
        Assert.Equal(output.Manifest.Files.Count, read.Files.Count);
        Assert.Equal(output.Manifest.Files[0].Dirt, read.Files[0].Dirt);
        Assert.Contains("\"wrong_check_digit\"", json, StringComparison.Ordinal);
    }
}
