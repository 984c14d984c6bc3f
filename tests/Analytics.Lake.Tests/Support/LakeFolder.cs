using System.Security.Cryptography;
using System.Text;
using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Lake;

namespace Analytics.Lake.Tests.Support;

/// <summary>A temporary folder with an extracts folder for hand-written files and a lake; deleted on dispose.</summary>
internal sealed class LakeFolder : IDisposable
{
    static LakeFolder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public LakeFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "lake-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Extracts);
        Layout = new LakeLayout(LakeRoot);
    }

    public static Encoding Gbk => Encoding.GetEncoding(936);

    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(false);

    public static Encoding Utf8Bom { get; } = new UTF8Encoding(true);

    /// <summary>Small resources so tests running in parallel do not fight over the machine.</summary>
    public static LakeLoadOptions Options { get; } = new() { MemoryLimit = "256MB", Threads = 2 };

    public string Root { get; }

    public string Extracts => Path.Combine(Root, "extracts");

    public string LakeRoot => Path.Combine(Root, "lake");

    public LakeLayout Layout { get; }

    /// <summary>A loader with the ETL's real reader, as the CLI builds it.</summary>
    public LakeLoader Loader() => new(Layout, EtlFileReader.Read, Options);

    public LakeLoader Loader(FeedFileReader reader) => new(Layout, reader, Options);

    /// <summary>A loader that reads up to <paramref name="parallelism"/> files read whole at a time (1: one after another).</summary>
    public LakeLoader Loader(FeedFileReader reader, int parallelism) => new(Layout, reader, Options with { Parallelism = parallelism });

    /// <summary>A loader as <see cref="Loader(FeedFileReader, int)"/> whose staging writes a Parquet part every <paramref name="partRows"/> rows per connection.</summary>
    public LakeLoader Loader(FeedFileReader reader, int parallelism, long partRows) =>
        new(Layout, reader, Options with { Parallelism = parallelism, StagedPartRows = partRows });

    public string WriteText(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(Extracts, name);
        File.WriteAllText(path, text, encoding);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Extracts, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A load input for a file, hashed as the landing area would name it.</summary>
    public static LoadInput Input(FeedKind feed, string path) =>
        new(feed, path, Sha256Of(path), Path.GetFileName(path));

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public string[] BatchFolders() => Layout.PublishedBatches().Select(Path.GetFileName).Select(n => n!).ToArray();

    public string[] StagingEntries() => Directory.Exists(Layout.StagingRoot) ? Directory.GetFileSystemEntries(Layout.StagingRoot) : [];

    /// <summary>The record files of the load attempts that ended with <paramref name="status"/>.</summary>
    public string[] LoadRecords(string status) => Analytics.Lake.LoadRecords.All(Layout).Where(r => r.Status == status).Select(r => r.RecordPath!).ToArray();

    /// <summary>
    /// Every folder and file of the lake except the load records and the load lock: folders by path, files by path, content hash and
    /// last write time. Two equal snapshots mean nothing a reader can see (or a rename could reveal) changed.
    /// </summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(LakeRoot))
        {
            return snapshot;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(LakeRoot, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(LakeRoot, entry);
            if (relative.StartsWith("_loads", StringComparison.Ordinal) || relative == "_load.lock")
            {
                continue;
            }

            snapshot[relative] = Directory.Exists(entry)
                ? "dir"
                : $"{Sha256Of(entry)} {File.GetLastWriteTimeUtc(entry):O}";
        }

        return snapshot;
    }

    /// <summary>Runs a query over the lake's Parquet with an in-memory DuckDB and returns every row.</summary>
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A read_parquet call over a glob, with the Hive partitions as columns.</summary>
    public static string ReadParquet(string glob) => $"read_parquet('{glob.Replace("'", "''", StringComparison.Ordinal)}', hive_partitioning = true)";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
