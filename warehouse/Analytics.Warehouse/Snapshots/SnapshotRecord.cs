using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Warehouse.Snapshots;

/// <summary>
/// A snapshot as written to its sidecar <c>&lt;name&gt;.json</c> and to <c>current.json</c>: paths relative to the snapshot
/// folder, so the folder can be copied or moved whole. <c>size</c> and <c>sha256</c> seal the file: readers check them
/// before they read it (<see cref="Analytics.Snapshots.SnapshotIntegrity"/>); records written before seals have neither.
/// </summary>
internal sealed record SnapshotRecord(
    [property: JsonPropertyName("snapshot")] string File,
    [property: JsonPropertyName("builtAt")] DateTimeOffset BuiltAt,
    [property: JsonPropertyName("publishedAt")] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("batchIds")] IReadOnlyList<string> BatchIds,
    [property: JsonPropertyName("tableRows")] IReadOnlyDictionary<string, long> TableRows,
    [property: JsonPropertyName("exportFolder")] string? ExportFolder,
    [property: JsonPropertyName("exports")] IReadOnlyList<string> Exports,
    [property: JsonPropertyName("engineVersion")] string EngineVersion,
    [property: JsonPropertyName(Analytics.Snapshots.SnapshotSeal.SizeMember)] long? Size = null,
    [property: JsonPropertyName(Analytics.Snapshots.SnapshotSeal.Sha256Member)] string? Sha256 = null)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a record; a file that is not one is an <see cref="InvalidDataException"/> naming it.</summary>
    public static SnapshotRecord Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SnapshotRecord>(System.IO.File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"'{path}' holds null instead of a snapshot record.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"'{path}' is not a valid snapshot record ({ex.Message}). It is written by 'analytics build' with a rename and " +
                "should never be partial: restore it from the snapshot's sidecar <name>.json, or run 'analytics build' again.", ex);
        }
    }

    public SnapshotInfo ToInfo(string folder) => new(
        Path.GetFileNameWithoutExtension(File),
        Path.Combine(folder, File),
        BuiltAt,
        PublishedAt,
        BatchIds,
        TableRows,
        ExportFolder is null ? null : Path.GetFullPath(Path.Combine(folder, ExportFolder)),
        Exports,
        EngineVersion);
}
