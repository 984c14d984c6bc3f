using Analytics.DemoData;

namespace Analytics.DemoData.Tests;

/// <summary>The default demo set (scale 1, both regions), generated once into a temporary folder for the tests that read it.</summary>
public sealed class DemoOutput : IDisposable
{
    public DemoOutput()
    {
        Directory = Path.Combine(Path.GetTempPath(), "demodata-tests-" + Guid.NewGuid().ToString("N"));
        Manifest = DemoGenerator.Generate(new DemoOptions { OutputDirectory = Directory });
    }

    public string Directory { get; }

    public DemoManifest Manifest { get; }

    public string PathOf(DemoFileEntry entry) => Path.Combine(Directory, entry.Path);

    public IEnumerable<DemoFileEntry> Files(string feed, string region) =>
        Manifest.Files.Where(f => f.Feed == feed && f.Region == region);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class DemoOutputCollection : ICollectionFixture<DemoOutput>
{
    public const string Name = "demo output";
}
