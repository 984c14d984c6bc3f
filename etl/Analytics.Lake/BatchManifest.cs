using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Lake;

/// <summary>The record of one load: what it read, what it loaded, what it quarantined, and how it ended.</summary>
public sealed record BatchManifest
{
    /// <summary>Batch id: derived from the sha256 of its files, so the same files always make the same batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>published, nothing_new, refused or failed.</summary>
    public required string Status { get; init; }

    /// <summary>When the load started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Per file: name, feed, sha256 and counts.</summary>
    public IReadOnlyList<FileManifest> Files { get; init; } = [];

    /// <summary>Why the load was refused or failed.</summary>
    public string? Error { get; init; }

    /// <summary>Total rows read.</summary>
    public long RowsRead => Files.Sum(f => f.RowsRead);

    /// <summary>Total rows loaded.</summary>
    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);

    /// <summary>Total rows quarantined.</summary>
    public long RowsQuarantined => Files.Sum(f => f.RowsQuarantined);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the manifest as JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a manifest written by <see cref="Write"/>.</summary>
    public static BatchManifest Read(string path) =>
        JsonSerializer.Deserialize<BatchManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"'{path}' is not a batch manifest.");
}

/// <summary>One file of a batch.</summary>
public sealed record FileManifest
{
    /// <summary>The file's name at its source.</summary>
    public required string File { get; init; }

    /// <summary>The feed.</summary>
    public required string Feed { get; init; }

    /// <summary>Content hash.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Detected or configured encoding.</summary>
    public string? Encoding { get; init; }

    /// <summary>Data rows read (blank lines included).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows written to the lake.</summary>
    public long RowsLoaded { get; init; }

    /// <summary>Rows written to quarantine.</summary>
    public long RowsQuarantined { get; init; }

    /// <summary>Blank lines skipped.</summary>
    public long RowsSkippedBlank { get; init; }

    /// <summary>True when the file had a header but no data rows: nothing was loaded from it, and that is not an error.</summary>
    public bool EmptyDelivery { get; init; }

    /// <summary>Quarantined rows by rule.</summary>
    public IReadOnlyDictionary<string, long> QuarantinedByRule { get; init; } = new Dictionary<string, long>();

    /// <summary>Notes on loaded rows (a value changed by normalisation), by kind; each row's kinds are in the lake's <c>notes</c> column.</summary>
    public IReadOnlyDictionary<string, long> NotesByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>Reader warnings (e.g. unknown columns ignored).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
