namespace Analytics.Snapshots.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "analytics-read-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB instance still closing; the temp folder is cleaned by the system eventually.
        }
    }
}
