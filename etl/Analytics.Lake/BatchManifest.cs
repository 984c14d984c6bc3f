using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Lake;

/// <summary>The record of one load: what it read, what it loaded, what it quarantined, and how it ended.</summary>
public sealed record BatchManifest
{
    /// <summary>Batch id: derived from the sha256 of its files, so the same files always make the same batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>
    /// running (the attempt has started and holds the lake's load lock), then published, nothing_new, refused, failed
    /// or cancelled; killed when a later load found it still running with its process gone.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>When the load started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished; absent while it runs, and for a killed attempt (when it died is not known).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The attempt's id, in its record's name (<c>_loads/&lt;started&gt;-&lt;attempt&gt;.json</c>); records only.</summary>
    public string? Attempt { get; init; }

    /// <summary>The process that ran the attempt; records only.</summary>
    public int? Pid { get; init; }

    /// <summary>The machine it ran on; records only.</summary>
    public string? Host { get; init; }

    /// <summary>Earlier attempts this one found still "running" with their process gone, and marked killed (their record files).</summary>
    public IReadOnlyList<string>? KilledAttempts { get; init; }

    /// <summary>Staging folders of dead attempts this one removed (their names under <c>_staging/</c>).</summary>
    public IReadOnlyList<string>? StagingRemoved { get; init; }

    /// <summary>Where this record was read from or written to (not serialised).</summary>
    [JsonIgnore]
    public string? RecordPath { get; init; }

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

    /// <summary>Writes the manifest as JSON through a temporary file and a rename, so a reader never sees half of it.</summary>
    public void WriteAtomically(string path)
    {
        var temporary = path + ".tmp";
        Write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

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
