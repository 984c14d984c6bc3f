using Analytics.Etl.Contracts;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

public sealed class LakePathTests : IDisposable
{
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("数据 湖")]
    [InlineData("o'brien's lake")]
    [InlineData("a;b=c")]
    public void A_lake_folder_with_spaces_quotes_or_connection_string_characters_loads(string name)
    {
        var layout = new LakeLayout(Path.Combine(folder.Root, name));
        var input = LakeFolder.Input(FeedKind.Registry, folder.WriteText("registry_2016-12-31.csv",
            Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(1)), Extracts.RegistryRow(Extracts.WrongCheck(Extracts.Credit(2)))), LakeFolder.Gbk));

        var manifest = new LakeLoader(layout, EtlFileReader.Read, LakeFolder.Options).Load([input]);

        Assert.Equal("published", manifest.Status);
        Assert.Equal(1L, LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(layout.FeedGlob(FeedKind.Registry))}").Single()[0]);
        Assert.Equal(1L, LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(layout.QuarantineGlob)}").Single()[0]);
    }
}
