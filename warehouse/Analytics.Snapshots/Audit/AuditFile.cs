using System.Globalization;

namespace Analytics.Snapshots.Audit;

/// <summary>
/// An append-only log of JSON lines, bounded: past <see cref="MaxBytes"/> the file is rotated to <c>.1</c>, <c>.2</c>, …
/// and the oldest beyond <see cref="Keep"/> is removed. Several processes (dashboard replicas, the command) may share
/// one file: each line is one atomic append (<see cref="AppendOnly"/>), and rotation holds a lock file. The SQL audit log and the access log are both
/// written through it.
/// </summary>
public sealed class AuditFile
{
    private readonly Lock _gate = new();

    /// <summary>Opens (creates) the log at <paramref name="path"/>.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="what">What the log records, for the error message (e.g. "SQL audit log").</param>
    /// <param name="maxBytes">Size past which it is rotated.</param>
    /// <param name="keep">Rotated files kept.</param>
    /// <exception cref="IOException">The log's folder cannot be created or the log cannot be written: nothing it would record may happen unrecorded.</exception>
    public AuditFile(string path, string what, long maxBytes = 10 * 1024 * 1024, int keep = 5)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        FilePath = Path.GetFullPath(path);
        MaxBytes = maxBytes;
        Keep = keep;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using (new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The {what} '{FilePath}' cannot be written ({ex.Message}). Nothing is done unrecorded: fix its folder's permissions or choose another file.", ex);
        }
    }

    /// <summary>The log file.</summary>
    public string FilePath { get; }

    /// <summary>Size past which the log is rotated.</summary>
    public long MaxBytes { get; }

    /// <summary>Rotated files kept.</summary>
    public int Keep { get; }

    /// <summary>Appends one line (<paramref name="json"/>, without its line end) in one write.</summary>
    public void Append(ReadOnlySpan<byte> json)
    {
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        lock (_gate)
        {
            RotateIfFull();
            AppendOnly.Write(FilePath, bytes);
        }
    }

    private void RotateIfFull()
    {
        if (!File.Exists(FilePath) || new FileInfo(FilePath).Length < MaxBytes)
        {
            return;
        }

        using var held = RotationLock();
        if (held is null || !File.Exists(FilePath) || new FileInfo(FilePath).Length < MaxBytes)
        {
            return;
        }

        File.Delete(Rotated(Keep));
        for (var i = Keep - 1; i >= 1; i--)
        {
            if (File.Exists(Rotated(i)))
            {
                File.Move(Rotated(i), Rotated(i + 1), overwrite: true);
            }
        }

        File.Move(FilePath, Rotated(1), overwrite: true);
    }

    private string Rotated(int n) => FilePath + "." + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lock file held while rotating (null when another process holds it for more than two seconds: it rotates).</summary>
    private FileStream? RotationLock()
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            try
            {
                return new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                Thread.Sleep(50);
            }
        }

        return null;
    }
}
