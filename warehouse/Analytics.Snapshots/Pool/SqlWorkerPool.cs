using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Analytics.Snapshots.Worker;

namespace Analytics.Snapshots.Pool;

/// <summary>
/// Runs analysts' SQL out of process: a small pool of worker processes, each running one query at a time on a fresh,
/// locked-down DuckDB instance (<see cref="SandboxInstance"/>), under limits the operating system enforces. The
/// dashboard's console and <c>analytics sql</c> both run every query through one of these; no untrusted SQL runs in
/// their own processes.
/// </summary>
/// <remarks>
/// <para>Containment: a worker that crashes, or that the pool kills (past its time limit plus a grace period, over
/// its memory, or because its requester went away), gives that one query a clear problem; the pool starts a
/// replacement, and every other query goes on. Workers run at a lower priority than the server's own threads.</para>
/// <para>Latency: a worker opens the next query's instance as soon as the previous query ends, so a query that finds
/// a ready worker pays no instance start-up (about 25 ms); see docs/sql-console.md for the figures.</para>
/// </remarks>
public sealed class SqlWorkerPool : IDisposable
{
    private readonly Channel<WorkerProcess> _ready = Channel.CreateUnbounded<WorkerProcess>();
    private readonly HashSet<WorkerProcess> _live = [];
    private readonly HashSet<WorkerProcess> _busy = [];
    private readonly Lock _gate = new();
    private readonly Action<string> _log;
    private readonly string _folder;
    private readonly string _workerPath;
    private readonly CancellationTokenSource _closing = new();
    private string? _snapshotHint;
    private string? _startProblem;
    private int _serial;
    private int _failedStarts;

    /// <summary>Creates the pool and starts its workers (in the background: the first query waits for one to be ready).</summary>
    /// <param name="options">Sizes and limits.</param>
    /// <param name="log">Receives a line when a worker fails or is replaced (the server's log); never shown to users.</param>
    /// <param name="snapshot">A snapshot file the workers open ahead of their first query, if known.</param>
    public SqlWorkerPool(SqlWorkerPoolOptions? options = null, Action<string>? log = null, string? snapshot = null)
    {
        Options = options ?? new SqlWorkerPoolOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Workers, 1, nameof(options));
        _log = log ?? (_ => { });
        _snapshotHint = snapshot;
        _workerPath = WorkerLaunch.WorkerPath(Options.WorkerPath);
        var root = Path.GetFullPath(Options.TempRoot ?? Path.Combine(Path.GetTempPath(), "analytics-sql"));
        RemoveAbandoned(root);
        _folder = Path.Combine(root, $"pool-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Path.Combine(_folder, "out"));
        for (var i = 0; i < Options.Workers; i++)
        {
            StartWorker();
        }
    }

    /// <summary>The pool's sizes and limits.</summary>
    public SqlWorkerPoolOptions Options { get; }

    /// <summary>The process ids of the live workers (for operators and tests).</summary>
    public IReadOnlyList<int> WorkerIds
    {
        get
        {
            lock (_gate)
            {
                return _live.Where(w => !w.HasExited).Select(w => w.Pid).ToList();
            }
        }
    }

    /// <summary>The process ids of the workers running a query now.</summary>
    public IReadOnlyList<int> BusyWorkerIds
    {
        get
        {
            lock (_gate)
            {
                return _busy.Select(w => w.Pid).ToList();
            }
        }
    }

    /// <summary>A fresh path for a file result, in the pool's own folder (the caller moves or deletes it).</summary>
    public string NewOutputPath(string extension) => Path.Combine(_folder, "out", Guid.NewGuid().ToString("N") + extension);

    /// <summary>Runs one query on a worker; never throws for anything the query does.</summary>
    public async Task<SqlRunResult> RunAsync(SqlRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        if (SqlTextCheck.Refusal(request.Sql) is { } refusal)
        {
            return SqlRunResult.Failed(SqlProblem.Refused(refusal, refusal == SqlRefusal.TooLong ? SqlTextCheck.MaxLength.ToString(CultureInfo.InvariantCulture) : null), clock.Elapsed);
        }

        _snapshotHint = request.Snapshot;
        var wire = new WorkerRequest(
            Guid.NewGuid().ToString("N"), request.Snapshot, request.Sql, request.Format, request.Output, request.Caps.MaxRows, request.Caps.MaxBytes,
            request.Caps.CellChars, (int)Math.Clamp(request.Timeout.TotalMilliseconds, 1, int.MaxValue), request.ByteOrderMark);
        var residentLimit = (Options.ProcessMemoryMB + 256) * 1024 * 1024;
        WorkerProcess process;
        WorkerReply? reply;
        KillReason killed;
        var tries = 0;
        do
        {
            var worker = await TakeAsync(cancellationToken).ConfigureAwait(false);
            if (worker.Problem is { } unavailable)
            {
                return SqlRunResult.Failed(unavailable, clock.Elapsed);
            }

            process = worker.Process!;
            lock (_gate)
            {
                _busy.Add(process);
            }

            try
            {
                (reply, killed) = await process.RunAsync(wire, request.Timeout + Options.KillGrace, residentLimit, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _busy.Remove(process);
                }
            }

            ReturnWhenReady(process);
        }
        // A request no worker accepted goes to the next one, a few times (workers that die before reading a request
        // every time are a broken installation, not a busy pool).
        while (reply is null && killed == KillReason.NotDelivered && ++tries < 4);
        if (reply is null)
        {
            var problem = killed switch
            {
                KillReason.TimeLimit => new SqlProblem(SqlProblemKind.TimedOut, Subject: request.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)),
                KillReason.MemoryLimit => new SqlProblem(SqlProblemKind.MemoryLimit, Subject: $"{Options.ProcessMemoryMB.ToString(CultureInfo.InvariantCulture)} MB"),
                KillReason.Cancelled => new SqlProblem(SqlProblemKind.Cancelled),
                _ when LooksOutOfMemory(process.ErrorTail) => new SqlProblem(SqlProblemKind.MemoryLimit, Subject: $"{Options.ProcessMemoryMB.ToString(CultureInfo.InvariantCulture)} MB"),
                _ => new SqlProblem(SqlProblemKind.WorkerFailed),
            };
            _log($"SQL worker {process.Pid.ToString(CultureInfo.InvariantCulture)} ended without an answer ({killed}); its last output: {process.ErrorTail.Trim()}");
            return SqlRunResult.Failed(problem, clock.Elapsed, process.Pid);
        }

        if (reply.Problem is { } failed)
        {
            return SqlRunResult.Failed(failed, clock.Elapsed, process.Pid);
        }

        var columns = reply.Columns ?? [];
        var table = reply.Table is { } json ? ReadTable(json, columns, reply.Truncation, reply.CellsCut) : null;
        return new SqlRunResult(null, columns, reply.Rows, reply.Bytes, reply.Truncation, table, clock.Elapsed, process.Pid);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closing.Cancel();
        _ready.Writer.TryComplete();
        List<WorkerProcess> workers;
        lock (_gate)
        {
            workers = [.. _live];
            _live.Clear();
        }

        foreach (var worker in workers)
        {
            worker.Kill(KillReason.Disposed);
        }

        foreach (var worker in workers)
        {
            worker.Dispose();
        }

        SandboxInstance.DeleteQuietly(_folder);
        _closing.Dispose();
    }

    private async Task<(WorkerProcess? Process, SqlProblem? Problem)> TakeAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        wait.CancelAfter(Options.QueueTimeout);
        while (true)
        {
            lock (_gate)
            {
                if (_startProblem is not null && _live.Count == 0)
                {
                    _log("SQL workers cannot start: " + _startProblem);
                    return (null, new SqlProblem(SqlProblemKind.WorkerFailed));
                }
            }

            try
            {
                var worker = await _ready.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                if (!worker.HasExited)
                {
                    return (worker, null);
                }
            }
            catch (OperationCanceledException)
            {
                return (null, cancellationToken.IsCancellationRequested || _closing.IsCancellationRequested
                    ? new SqlProblem(SqlProblemKind.Cancelled)
                    : new SqlProblem(SqlProblemKind.Busy, Subject: Options.QueueTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)));
            }
            catch (ChannelClosedException)
            {
                return (null, new SqlProblem(SqlProblemKind.Cancelled));
            }
        }
    }

    private void ReturnWhenReady(WorkerProcess worker) => _ = worker.Ready.ContinueWith(
        ready =>
        {
            if (ready.Result && !worker.HasExited)
            {
                _ready.Writer.TryWrite(worker);
            }
        },
        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private void StartWorker()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        var serial = Interlocked.Increment(ref _serial);
        var settings = new WorkerSettings(
            Path.Combine(_folder, "w" + serial.ToString(CultureInfo.InvariantCulture)), Options.MemoryLimit, Options.Threads, Options.TempBudget,
            Options.ProcessMemoryMB, Options.RecycleAfter, Options.Niceness, _snapshotHint, Options.CrashHook);
        WorkerProcess worker;
        try
        {
            worker = WorkerProcess.Start(_workerPath, settings);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            StartFailed(ex.Message);
            return;
        }

        lock (_gate)
        {
            _live.Add(worker);
        }

        _ = worker.Ready.ContinueWith(
            ready =>
            {
                if (ready.Result)
                {
                    Interlocked.Exchange(ref _failedStarts, 0);
                    lock (_gate)
                    {
                        _startProblem = null;
                    }

                    _ready.Writer.TryWrite(worker);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = worker.Exited.ContinueWith(_ => Replace(worker), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Replace(WorkerProcess worker)
    {
        lock (_gate)
        {
            if (!_live.Remove(worker))
            {
                return;
            }
        }

        worker.Dispose();
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        if (!worker.EverReady)
        {
            StartFailed("a worker ended before it was ready: " + worker.ErrorTail.Trim());
            return;
        }

        StartWorker();
    }

    /// <summary>Retries a failed start with a back-off (0.5 s doubling to 10 s), so a broken worker does not spin.</summary>
    private void StartFailed(string problem)
    {
        var failures = Interlocked.Increment(ref _failedStarts);
        lock (_gate)
        {
            _startProblem = problem;
        }

        _log("SQL worker did not start: " + problem);
        var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 500 * Math.Pow(2, Math.Min(failures - 1, 5))));
        _ = Task.Delay(delay, _closing.Token).ContinueWith(t =>
        {
            if (!t.IsCanceled)
            {
                StartWorker();
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private static TableResult ReadTable(JsonElement json, IReadOnlyList<ResultColumn> columns, Truncation truncation, bool cellsCut)
    {
        var rows = new List<string?[]>();
        foreach (var row in json.GetProperty("rows").EnumerateArray())
        {
            var cells = new string?[columns.Count];
            var i = 0;
            foreach (var cell in row.EnumerateArray())
            {
                cells[i++] = cell.ValueKind == JsonValueKind.Null ? null : cell.GetString();
            }

            rows.Add(cells);
        }

        return new TableResult(columns, rows, truncation, cellsCut);
    }

    private static bool LooksOutOfMemory(string errors) =>
        errors.Contains("bad_alloc", StringComparison.Ordinal) || errors.Contains("OutOfMemory", StringComparison.Ordinal)
        || errors.Contains("Out of Memory", StringComparison.Ordinal) || errors.Contains("Failed to create RW mapping", StringComparison.Ordinal);

    /// <summary>Removes pool folders whose process is gone (a server that was killed cannot clean up after itself).</summary>
    private static void RemoveAbandoned(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "pool-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                SandboxInstance.DeleteQuietly(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
