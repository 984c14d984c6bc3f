using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Snapshots.Worker;

namespace Analytics.Snapshots.Pool;

/// <summary>Why the pool ended a worker's query by killing the worker.</summary>
internal enum KillReason
{
    None,

    /// <summary>The worker was gone before the request reached it (it can go to another worker).</summary>
    NotDelivered,
    TimeLimit,
    MemoryLimit,
    Cancelled,
    Disposed,
}

/// <summary>
/// The pool's side of one worker process: its protocol lines, its readiness, the query it runs and the two limits
/// the pool itself enforces on it — a hard time limit (the worker's own limit plus a grace period, then a kill) and a
/// watchdog on its resident memory.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int StderrTail = 8192;
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<WorkerReply?>? _pending;
    private volatile KillReason _killed;
    private volatile bool _accepted;
    private volatile bool _everReady;

    private WorkerProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
        Pid = process.Id;
        Exited = Task.Run(ReadProtocolAsync);
        _ = Task.Run(ReadErrorsAsync);
    }

    /// <summary>The worker's process id.</summary>
    public int Pid { get; }

    /// <summary>The worker's own folder (spill files), removed when it ends.</summary>
    public string Folder { get; }

    /// <summary>Completes when the worker's protocol output ends (it exited).</summary>
    public Task Exited { get; }

    /// <summary>Completes with true when the worker can take a query, false when it ended first.</summary>
    public Task<bool> Ready => _ready.Task;

    /// <summary>Whether the worker was ready at least once (a worker that never was did not start properly).</summary>
    public bool EverReady => _everReady;

    /// <summary>Whether the process has ended (or its protocol output has).</summary>
    public bool HasExited => Exited.IsCompleted || ProcessEnded();

    /// <summary>The last lines the worker wrote to standard error (for the server's log, never for users).</summary>
    public string ErrorTail
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts a worker in its own folder (<see cref="WorkerSettings.TempDirectory"/>).</summary>
    public static WorkerProcess Start(string workerPath, WorkerSettings settings)
    {
        Directory.CreateDirectory(settings.TempDirectory);
        var process = Process.Start(WorkerLaunch.StartInfo(workerPath, settings))
            ?? throw new InvalidOperationException($"The SQL worker '{workerPath}' did not start.");
        return new WorkerProcess(process, settings.TempDirectory);
    }

    /// <summary>
    /// Runs <paramref name="request"/>: the reply, or null when the worker ended without answering (then the reason
    /// says whether the pool killed it and why).
    /// </summary>
    public async Task<(WorkerReply? Reply, KillReason Reason)> RunAsync(
        WorkerRequest request, TimeSpan hardLimit, long residentLimitBytes, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<WorkerReply?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (HasExited)
            {
                return (null, KillReason.NotDelivered);
            }

            _pending = pending;
            _accepted = false;
            _ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var line = JsonSerializer.Serialize(request, WorkerJson.Default.WorkerRequest);
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The worker is gone and never saw the request.
            return (null, KillReason.NotDelivered);
        }

        using var limit = new CancellationTokenSource(hardLimit);
        using var onLimit = limit.Token.Register(() => Kill(KillReason.TimeLimit));
        using var onCancel = cancellationToken.Register(() => Kill(KillReason.Cancelled));
        using var watchdog = new Timer(_ => WatchMemory(residentLimitBytes), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        var reply = await pending.Task.ConfigureAwait(false);

        // Ended before it said it had the request (killed while idle, say): the query never ran and can go elsewhere.
        return (reply, reply is not null ? KillReason.None : _killed == KillReason.None && !_accepted ? KillReason.NotDelivered : _killed);
    }

    /// <summary>Kills the worker (and anything it started), recording why.</summary>
    public void Kill(KillReason reason)
    {
        if (_killed == KillReason.None)
        {
            _killed = reason;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!HasExited)
        {
            Kill(KillReason.Disposed);
            Exited.Wait(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private bool ProcessEnded()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void WatchMemory(long limitBytes)
    {
        if (limitBytes > 0 && ResidentBytes() is { } resident && resident > limitBytes)
        {
            Kill(KillReason.MemoryLimit);
        }
    }

    private long? ResidentBytes()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // statm: size resident shared … in pages.
                var fields = File.ReadAllText($"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/statm").Split(' ');
                return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }

            _process.Refresh();
            return _process.WorkingSet64;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task ReadProtocolAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                WorkerReply? reply;
                try
                {
                    reply = JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerReply);
                }
                catch (JsonException)
                {
                    Note("unreadable protocol line: " + (line.Length > 200 ? line[..200] + "…" : line));
                    continue;
                }

                if (reply?.Type == WorkerReply.Accepted)
                {
                    _accepted = true;
                }
                else if (reply?.Type == WorkerReply.Ready)
                {
                    _everReady = true;
                    _ready.TrySetResult(true);
                }
                else if (reply is not null)
                {
                    _pending?.TrySetResult(reply);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke: the process is gone.
        }
        finally
        {
            await _process.WaitForExitAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _ready.TrySetResult(false);
                _pending?.TrySetResult(null);
            }

            try
            {
                if (Directory.Exists(Folder))
                {
                    Directory.Delete(Folder, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Removed with the pool's folder.
            }
        }
    }

    private async Task ReadErrorsAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Note(line);
            }
        }
        catch (IOException)
        {
        }
    }

    private void Note(string line)
    {
        lock (_stderr)
        {
            _stderr.AppendLine(line);
            if (_stderr.Length > StderrTail)
            {
                _stderr.Remove(0, _stderr.Length - StderrTail);
            }
        }
    }
}
