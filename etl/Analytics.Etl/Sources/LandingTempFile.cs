using System.Security.Cryptography;

namespace Analytics.Etl.Sources;

/// <summary>
/// A file being written into the landing area's <c>.tmp</c> folder, hashed as it is written. Only a completed,
/// fsynced file is renamed into place; disposing an uncommitted one deletes it, so a failed or cancelled pull
/// leaves nothing behind.
/// </summary>
internal sealed class LandingTempFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _completed;

    private LandingTempFile(string path)
    {
        FullPath = path;
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, FileOptions.Asynchronous);
    }

    /// <summary>Where the bytes are being written.</summary>
    public string FullPath { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>The SHA-256 of what was written; set by <see cref="CompleteAsync"/>.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>Creates an empty temporary file in <paramref name="folder"/>.</summary>
    public static LandingTempFile Create(string folder) =>
        new(Path.Combine(folder, $"{Guid.NewGuid():N}.part"));

    /// <summary>Appends bytes and feeds them to the hash.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _hash.AppendData(bytes.Span);
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        Length += bytes.Length;
    }

    /// <summary>Flushes to disk (fsync), closes the file and fixes <see cref="Sha256"/> and <see cref="Length"/>.</summary>
    public async ValueTask CompleteAsync()
    {
        await _stream.FlushAsync().ConfigureAwait(false);
        // The rename that follows is only atomic-and-safe if the data is on disk first; otherwise a crash could
        // leave a correctly named file with missing blocks.
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync().ConfigureAwait(false);
        Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _completed = true;
    }

    /// <summary>Renames the completed file to <paramref name="target"/> (same file system, so atomic).</summary>
    public void MoveTo(string target)
    {
        if (!_completed)
        {
            throw new InvalidOperationException("Complete the temporary file before moving it into the landing area.");
        }

        File.Move(FullPath, target, overwrite: true);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _hash.Dispose();
        try
        {
            File.Delete(FullPath);
        }
        catch (IOException)
        {
            // Left for the next pull, which clears .tmp under its lock.
        }
    }
}
