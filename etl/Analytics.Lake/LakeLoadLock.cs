using System.Text.Json;

namespace Analytics.Lake;

/// <summary>
/// One load at a time per lake: <c>lake/_load.lock</c> opened exclusively (an advisory <c>flock</c> on Unix, a
/// share-mode lock on Windows). The operating system releases it when the process ends, however it ends, so a
/// <c>kill -9</c> never leaves a stale lock. The holder writes who it is into the file (for an operator's <c>cat</c>);
/// another process cannot read it while it is held, so a refused load names the holder from its running record in
/// <c>lake/_loads/</c>, which carries the same process id, host and start time.
/// </summary>
public sealed class LakeLoadLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private LakeLoadLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lake's load lock, waiting up to <paramref name="wait"/> for another load to release it, and writes
    /// the holder (this process) into it.
    /// </summary>
    /// <exception cref="LakeBusyException">Another load still held it after <paramref name="wait"/>.</exception>
    public static LakeLoadLock Acquire(LakeLayout layout, TimeSpan wait, LoadHolder holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(holder);
        Directory.CreateDirectory(layout.Root);
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(layout.LockPath) is { } stream)
            {
                try
                {
                    stream.SetLength(0);
                    stream.Write(JsonSerializer.SerializeToUtf8Bytes(holder, BatchManifest.Json));
                    stream.Flush();
                    return new LakeLoadLock(stream);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new LakeBusyException(BusyMessage(layout, wait));
            }

            cancellationToken.WaitHandle.WaitOne(Poll);
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException && !StorageFailure.IsDiskFull(ex))
        {
            // Held by another load (EWOULDBLOCK on Unix, a sharing violation on Windows).
            return null;
        }
    }

    private static string BusyMessage(LakeLayout layout, TimeSpan wait)
    {
        var waited = wait > TimeSpan.Zero ? $" (waited {wait.TotalSeconds:0} s)" : "";
        var holder = LoadRecords.Running(layout) is [.., var running]
            ? $"pid {running.Pid} on {running.Host}, started {running.StartedAt:yyyy-MM-dd HH:mm:ss} UTC (its record: {running.RecordPath})"
            : "another process";
        return $"the lake '{layout.Root}' is being loaded by {holder}; it holds '{layout.LockPath}'{waited}. Nothing was done. " +
            "Run this load again when that one has finished, or pass --wait SECONDS to queue behind it.";
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}

/// <summary>Who holds a lake's load lock: written into the lock file and into the attempt's running record.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="Host">The machine's name.</param>
/// <param name="StartedAt">When the load started.</param>
/// <param name="Attempt">The attempt's id (its record is <c>_loads/&lt;started&gt;-&lt;attempt&gt;.json</c>).</param>
public sealed record LoadHolder(int Pid, string Host, DateTimeOffset StartedAt, string Attempt)
{
    /// <summary>This process, starting a load now.</summary>
    public static LoadHolder ThisProcess() =>
        new(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N")[..8]);
}
