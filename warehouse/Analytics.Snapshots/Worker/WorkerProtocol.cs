using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// The limits a worker process runs under for its whole life, given on its command line by the pool.
/// </summary>
/// <param name="TempDirectory">The worker's own folder: DuckDB spills here, and nowhere else.</param>
/// <param name="MemoryLimit">DuckDB <c>memory_limit</c>, e.g. <c>512MB</c>.</param>
/// <param name="Threads">DuckDB <c>threads</c>.</param>
/// <param name="TempBudget">DuckDB <c>max_temp_directory_size</c>, e.g. <c>256MB</c>.</param>
/// <param name="ProcessMemoryMB">Memory the process may add after start-up, in all: a third is .NET's heap (<c>GCHeapHardLimit</c>), the rest address space for DuckDB (RLIMIT_AS on Linux).</param>
/// <param name="RecycleAfter">Queries served before the worker exits and the pool starts a fresh one.</param>
/// <param name="Niceness">Scheduling priority the worker lowers itself to (0–19): the dashboard's own threads come first.</param>
/// <param name="Snapshot">The snapshot to open ahead of the first query, if known.</param>
/// <param name="CrashHook">Tests only: the query <see cref="WorkerMain.CrashQuery"/> makes the worker abort as a native crash does.</param>
internal sealed record WorkerSettings(
    string TempDirectory, string MemoryLimit, int Threads, string TempBudget, long ProcessMemoryMB, int RecycleAfter, int Niceness, string? Snapshot,
    bool CrashHook = false);

/// <summary>One query for a worker: a JSON line on its standard input.</summary>
internal sealed record WorkerRequest(
    string Id, string Snapshot, string Sql, ResultFormat Format, string? Output, int MaxRows, long MaxBytes, int CellChars, int TimeoutMs, bool ByteOrderMark);

/// <summary>
/// A worker's answer: a JSON line on its protocol output. <c>ready</c> when it can take a query (after start-up and
/// after each query, once a fresh engine instance is open); <c>accepted</c> when it has read a request, before it
/// does anything with it; <c>result</c> or <c>problem</c> for each query.
/// </summary>
internal sealed record WorkerReply(
    string Type,
    string? Id = null,
    int? Pid = null,
    IReadOnlyList<ResultColumn>? Columns = null,
    long Rows = 0,
    long Bytes = 0,
    Truncation Truncation = Truncation.None,
    bool CellsCut = false,
    double ElapsedMs = 0,
    SqlProblem? Problem = null,
    JsonElement? Table = null)
{
    public const string Ready = "ready";
    public const string Accepted = "accepted";
    public const string Result = "result";
    public const string Failed = "problem";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkerSettings))]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerReply))]
internal sealed partial class WorkerJson : JsonSerializerContext;
