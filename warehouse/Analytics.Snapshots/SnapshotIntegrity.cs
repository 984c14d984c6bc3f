using System.Security.Cryptography;
using System.Text.Json;
using Analytics.DuckDb;
using Analytics.DuckDb.Native;

namespace Analytics.Snapshots;

/// <summary>
/// What the publish recorded about a snapshot file, to check it before it is read: its size in bytes and the SHA-256
/// of its bytes (members <c>size</c> and <c>sha256</c> of its record <c>&lt;name&gt;.json</c> and of <c>current.json</c>).
/// </summary>
/// <param name="Size">The file's length in bytes.</param>
/// <param name="Sha256">The SHA-256 of the file, lower-case hex.</param>
public sealed record SnapshotSeal(long Size, string Sha256)
{
    /// <summary>The record's member holding <see cref="Size"/>.</summary>
    public const string SizeMember = "size";

    /// <summary>The record's member holding <see cref="Sha256"/>.</summary>
    public const string Sha256Member = "sha256";

    /// <summary>The seal of <paramref name="file"/> as it is now (reads it whole).</summary>
    public static SnapshotSeal Compute(string file, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long size = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, read);
            size += read;
        }

        return new SnapshotSeal(size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>The seal in a snapshot record (<c>current.json</c> or a sidecar), or null when it has none (published before seals were recorded).</summary>
    public static SnapshotSeal? Of(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && record.TryGetProperty(SizeMember, out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes)
        && record.TryGetProperty(Sha256Member, out var hash) && hash.ValueKind == JsonValueKind.String && hash.GetString() is { Length: 64 } hex
            ? new SnapshotSeal(bytes, hex.ToLowerInvariant())
            : null;

    /// <summary>The seal in the record file <paramref name="recordFile"/>, or null when it is missing, unreadable or has none.</summary>
    public static SnapshotSeal? Read(string recordFile)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(recordFile));
            return Of(json.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// Whether a snapshot file is intact, by one rule for every reader: a cheap check before a reader switches to it (its
/// size against the publish's record, DuckDB's header magic) and the full SHA-256, which readers that stay up run in the
/// background.
/// </summary>
public static class SnapshotIntegrity
{
    /// <summary>A DuckDB file starts with a main header and two database headers of 4 KiB each.</summary>
    private const int HeaderBytes = 3 * 4096;

    /// <summary>Where DuckDB's main header holds its magic bytes (after an 8-byte checksum).</summary>
    private const int MagicOffset = 8;

    private static readonly byte[] Magic = "DUCK"u8.ToArray();

    /// <summary>
    /// Checks <paramref name="file"/> without reading it whole: it exists, it has the size the publish recorded (when
    /// <paramref name="seal"/> is known), it is long enough for DuckDB's headers and it has DuckDB's magic. Returns
    /// null when it looks intact, else why not.
    /// </summary>
    public static string? QuickCheck(string file, SnapshotSeal? seal)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            var length = stream.Length;
            if (seal is not null && length != seal.Size)
            {
                return $"it is {length:N0} bytes, but its publish recorded {seal.Size:N0} bytes (truncated or overwritten)";
            }

            if (length < HeaderBytes)
            {
                return $"it is {length:N0} bytes, too short for a DuckDB database";
            }

            Span<byte> magic = stackalloc byte[4];
            stream.Position = MagicOffset;
            stream.ReadExactly(magic);
            return magic.SequenceEqual(Magic) ? null : "it does not start with DuckDB's file header";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read ({ex.Message})";
        }
    }

    /// <summary>Reads <paramref name="file"/> whole and compares it with <paramref name="seal"/>; null when it matches, else why not.</summary>
    public static string? FullCheck(string file, SnapshotSeal seal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seal);
        try
        {
            var now = SnapshotSeal.Compute(file, cancellationToken);
            if (now.Size != seal.Size)
            {
                return $"it is {now.Size:N0} bytes, but its publish recorded {seal.Size:N0} bytes (truncated or overwritten)";
            }

            return string.Equals(now.Sha256, seal.Sha256, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"its SHA-256 is {now.Sha256[..12]}…, but its publish recorded {seal.Sha256[..12]}… (its content changed since)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read ({ex.Message})";
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown opening or reading a snapshot, says the file is damaged (DuckDB's
    /// I/O, serialization and corruption errors) rather than that the query or the caller was wrong.
    /// </summary>
    public static bool IsDamage(Exception exception) => exception switch
    {
        DuckDbException { ErrorType: DuckDbErrorType.IO or DuckDbErrorType.Serialization or DuckDbErrorType.Fatal } => true,
        DuckDbException d => d.Message.Contains("Corrupt", StringComparison.OrdinalIgnoreCase)
            || d.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase)
            || d.Message.Contains("IO Error", StringComparison.OrdinalIgnoreCase)
            || d.Message.Contains("Could not read", StringComparison.OrdinalIgnoreCase),
        IOException or InvalidDataException => true,
        _ => false,
    };
}
