using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analytics.DuckDb;
using Analytics.DuckDb.Native;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;

namespace Analytics.Snapshots.Worker;

/// <summary>Runs one request on a sandbox instance and says how it went: the check, the query, the result written under its caps.</summary>
internal static class QueryExecution
{
    /// <summary>The reply to <paramref name="request"/>; <paramref name="poisoned"/> is set when the worker should not serve another query.</summary>
    public static WorkerReply Run(WorkerRequest request, SandboxInstance instance, WorkerSettings settings, out bool poisoned)
    {
        poisoned = false;
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Max(1, request.TimeoutMs)));
        using var temp = new TempWatch(instance.TempDirectory, settings.TempBudget, deadline);
        try
        {
            var text = SqlStatementCheck.Check(instance.Connection, request.Sql);
            return request.Format == ResultFormat.Parquet
                ? Parquet(request, text, instance, settings, clock, deadline.Token)
                : Rows(request, text, instance, clock, deadline.Token);
        }
        catch (SqlRefusedException ex)
        {
            return Problem(request, SqlProblem.Of(ex), clock);
        }
        catch (SqlSyntaxException ex)
        {
            return Problem(request, new SqlProblem(SqlProblemKind.Syntax, Detail: Scrub(ex.Message, instance)), clock);
        }
        catch (OperationCanceledException)
        {
            poisoned = true;
            return Problem(request, temp.Exceeded
                ? new SqlProblem(SqlProblemKind.TempLimit, Subject: settings.TempBudget)
                : new SqlProblem(SqlProblemKind.TimedOut, Subject: Seconds(request.TimeoutMs)), clock);
        }
        catch (DuckDbException ex)
        {
            var problem = temp.Exceeded ? new SqlProblem(SqlProblemKind.TempLimit, Subject: settings.TempBudget) : Classify(ex, settings, instance, request);
            poisoned = problem.Kind is SqlProblemKind.MemoryLimit or SqlProblemKind.TempLimit || ex.ErrorType is DuckDbErrorType.Fatal or DuckDbErrorType.Internal;
            return Problem(request, problem, clock);
        }
        catch (OutOfMemoryException)
        {
            poisoned = true;
            return Problem(request, new SqlProblem(SqlProblemKind.MemoryLimit, Subject: settings.ProcessMemoryMB.ToString(CultureInfo.InvariantCulture) + " MB"), clock);
        }
    }

    private static WorkerReply Rows(WorkerRequest request, string text, SandboxInstance instance, Stopwatch clock, CancellationToken deadline)
    {
        using var command = instance.Connection.CreateCommand(text);
        command.CommandTimeout = (int)Math.Ceiling(request.TimeoutMs / 1000.0);
        using var reader = (DuckDbDataReader)command.ExecuteReader(CommandBehavior.Default, deadline);
        var caps = new ResultCaps(request.MaxRows, request.MaxBytes, request.CellChars);
        if (request.Format == ResultFormat.Table)
        {
            using var table = new MemoryStream();
            var summary = ResultWriter.Write(reader, ResultFormat.Table, table, caps, byteOrderMark: false, deadline);
            table.Position = 0;
            using var json = JsonDocument.Parse(table);
            return Result(request, summary, clock, json.RootElement.Clone());
        }

        var output = request.Output ?? throw new InvalidOperationException("A file result needs an output path.");
        try
        {
            using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            return Result(request, ResultWriter.Write(reader, request.Format, file, caps, request.ByteOrderMark, deadline), clock, null);
        }
        catch
        {
            File.Delete(output);
            throw;
        }
    }

    private static WorkerReply Parquet(WorkerRequest request, string text, SandboxInstance instance, WorkerSettings settings, Stopwatch clock, CancellationToken deadline)
    {
        var output = request.Output ?? throw new InvalidOperationException("A Parquet result needs an output path.");
        var rows = ParquetCopy.Write(text, instance.Snapshot, output, request.MaxBytes, settings, instance.TempDirectory, deadline);
        if (rows is null)
        {
            return Problem(request, new SqlProblem(SqlProblemKind.TooLarge, Subject: SqlMessages.Size(request.MaxBytes)), clock);
        }

        var summary = new ResultSummary([], rows.Value, new FileInfo(output).Length, Truncation.None, false);
        return Result(request, summary, clock, null);
    }

    /// <summary>What a DuckDB error means for the person who ran the query.</summary>
    private static SqlProblem Classify(DuckDbException ex, WorkerSettings settings, SandboxInstance instance, WorkerRequest request)
    {
        var detail = Scrub(ex.Message, instance);
        return ex.ErrorType switch
        {
            DuckDbErrorType.OutOfMemory when ex.Message.Contains("max_temp_directory_size", StringComparison.Ordinal)
                || ex.Message.Contains("temporary directory", StringComparison.OrdinalIgnoreCase)
                => new SqlProblem(SqlProblemKind.TempLimit, Subject: settings.TempBudget, Detail: detail),
            DuckDbErrorType.OutOfMemory => new SqlProblem(SqlProblemKind.MemoryLimit, Subject: settings.MemoryLimit, Detail: detail),
            DuckDbErrorType.Interrupt => new SqlProblem(SqlProblemKind.TimedOut, Subject: Seconds(request.TimeoutMs)),
            DuckDbErrorType.Parser or DuckDbErrorType.Syntax => new SqlProblem(SqlProblemKind.Syntax, Detail: detail),
            DuckDbErrorType.Permission => SqlProblem.Refused(SqlRefusal.FileAccess) with { Detail = detail },
            _ => new SqlProblem(SqlProblemKind.Query, Detail: detail),
        };
    }

    private static string Scrub(string message, SandboxInstance instance) => PathScrubber.Scrub(message, instance.Snapshot, instance.TempDirectory);

    private static string Seconds(int milliseconds) => (milliseconds / 1000.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static WorkerReply Result(WorkerRequest request, ResultSummary summary, Stopwatch clock, JsonElement? table) => new(
        WorkerReply.Result, request.Id, Columns: summary.Columns, Rows: summary.Rows, Bytes: summary.Bytes, Truncation: summary.Truncation,
        CellsCut: summary.CellsCut, ElapsedMs: clock.Elapsed.TotalMilliseconds, Table: table);

    private static WorkerReply Problem(WorkerRequest request, SqlProblem problem, Stopwatch clock) =>
        new(WorkerReply.Failed, request.Id, ElapsedMs: clock.Elapsed.TotalMilliseconds, Problem: problem);
}
