using System.Text;
using System.Text.Json;
using Analytics.DuckDb;
using Analytics.Snapshots.Results;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// The SQL worker process's main loop. It lowers its priority, warms up, caps its own address space, opens a sandbox
/// instance and says <c>ready</c>; then, one JSON line at a time on standard input, it runs a query and answers on its
/// protocol output, closes that instance, opens a fresh one and says <c>ready</c> again. It exits when its input ends,
/// after <see cref="WorkerSettings.RecycleAfter"/> queries, or after a query that left it in doubt (a time limit, a
/// memory limit, an engine error of its own); the pool then starts another.
/// </summary>
public static class WorkerMain
{
    /// <summary>With <see cref="WorkerSettings.CrashHook"/> (tests only), this query aborts the worker the way a native crash does.</summary>
    internal const string CrashQuery = "-- test hook: abort this worker";

    /// <summary>Runs the worker; <paramref name="args"/> holds its settings as one JSON argument.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: analytics-sql-worker '<settings JSON>' (started by the analytics SQL worker pool, not by hand)");
            return 2;
        }

        var settings = JsonSerializer.Deserialize(args[0], WorkerJson.Default.WorkerSettings)
            ?? throw new ArgumentException("The worker's settings are empty.", nameof(args));
        using var protocol = ProcessLimits.ProtocolOutput();
        ProcessLimits.LowerPriority(settings.Niceness);
        Directory.CreateDirectory(settings.TempDirectory);
        WarmUp(settings);
        var headroomMB = settings.ProcessMemoryMB - Pool.WorkerLaunch.ManagedHeapBytes(settings.ProcessMemoryMB) / (1024 * 1024);
        var cap = ProcessLimits.CapAddressSpace(headroomMB);

        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        SandboxInstance? instance = settings.Snapshot is { } first ? TryOpen(first, settings) : null;
        try
        {
            for (var served = 0; ; served++)
            {
                Write(protocol, new WorkerReply(WorkerReply.Ready, Pid: Environment.ProcessId));
                if (input.ReadLine() is not { } line)
                {
                    return 0;
                }

                var request = JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerRequest)
                    ?? throw new InvalidDataException("An empty request reached the worker.");

                // Before any work: a worker that dies before this line never ran the query, so the pool may give it
                // to another worker.
                Write(protocol, new WorkerReply(WorkerReply.Accepted, request.Id));
                if (instance?.Snapshot != request.Snapshot)
                {
                    instance?.Dispose();
                    instance = TryOpen(request.Snapshot, settings);
                    if (instance is null)
                    {
                        Write(protocol, new WorkerReply(WorkerReply.Failed, request.Id, Problem: new Sql.SqlProblem(Sql.SqlProblemKind.Unavailable)));
                        continue;
                    }
                }

                if (settings.CrashHook && request.Sql == CrashQuery)
                {
                    ProcessLimits.Abort();
                }

                var reply = QueryExecution.Run(request, instance, settings, out var poisoned);
                instance.Dispose();
                instance = null;
                Write(protocol, reply);
                if (poisoned || served + 1 >= settings.RecycleAfter || MostlySpent(cap, headroomMB))
                {
                    return 0;
                }

                instance = TryOpen(request.Snapshot, settings);
            }
        }
        finally
        {
            instance?.Dispose();
            SandboxInstance.DeleteQuietly(settings.TempDirectory);
        }
    }

    /// <summary>
    /// Whether the process keeps more than half its address-space headroom mapped after a query (the allocator does not
    /// give everything back): the next query would start short, so a fresh worker takes over.
    /// </summary>
    private static bool MostlySpent(long? cap, long headroomMB) =>
        cap is { } limit && ProcessLimits.VirtualSizeBytes() is { } mapped && mapped > limit - headroomMB * 1024 * 1024 / 2;

    private static SandboxInstance? TryOpen(string snapshot, WorkerSettings settings)
    {
        try
        {
            return SandboxInstance.Open(snapshot, settings);
        }
        catch (DuckDbException ex)
        {
            // Reported when a query asks for it: the file may be replaced by then.
            Console.Error.WriteLine($"analytics-sql-worker: could not open the snapshot ahead of time: {ex.Message}");
            return null;
        }
    }

    /// <summary>Runs every path a query takes once, on an in-memory instance, so the first real query does not pay for the JIT.</summary>
    private static void WarmUp(WorkerSettings settings)
    {
        using var connection = new DuckDbConnection($"Data Source=:memory:;threads=1;memory_limit={settings.MemoryLimit}");
        connection.Open();
        Sql.SqlStatementCheck.Check(connection, "SELECT 1 AS n, 'a' AS t FROM range(3)");
        foreach (var format in new[] { ResultFormat.Table, ResultFormat.Csv, ResultFormat.Json, ResultFormat.Arrow })
        {
            using var command = connection.CreateCommand("SELECT range AS n, 'a' || range AS t, NULL AS z FROM range(3)");
            using var reader = (DuckDbDataReader)command.ExecuteReader();
            ResultWriter.Write(reader, format, Stream.Null, new ResultCaps(10, 1 << 20), false, CancellationToken.None);
        }

        JsonSerializer.Serialize(new WorkerReply(WorkerReply.Result, "warm-up"), WorkerJson.Default.WorkerReply);
    }

    private static void Write(Stream protocol, WorkerReply reply)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(reply, WorkerJson.Default.WorkerReply);
        protocol.Write(bytes);
        protocol.WriteByte((byte)'\n');
        protocol.Flush();
    }
}
