using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>
/// One command's time on its connection: from the start of execution until its last result is closed. Holds the
/// connection (one command at a time), and turns <see cref="DuckDbCommand.Cancel"/>, a cancelled token or
/// <see cref="DuckDbCommand.CommandTimeout"/> into <c>duckdb_interrupt</c> while — and only while — it is current, so a
/// late timer cannot interrupt the next command.
/// </summary>
internal sealed class ExecutionScope : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly CancellationTokenRegistration _registration;
    private readonly Timer? _timer;
    private int _disposed;

    public ExecutionScope(DuckDbConnection connection, int timeoutSeconds, CancellationToken token)
    {
        _connection = connection;
        Token = token;
        connection.Enter(this);
        try
        {
            token.ThrowIfCancellationRequested();
            _registration = token.Register(static s => ((ExecutionScope)s!).Interrupt(InterruptReason.Token), this);
            if (timeoutSeconds > 0)
            {
                _timer = new Timer(static s => ((ExecutionScope)s!).Interrupt(InterruptReason.Timeout), this, TimeSpan.FromSeconds(timeoutSeconds), Timeout.InfiniteTimeSpan);
            }

            TimeoutSeconds = timeoutSeconds;
        }
        catch
        {
            connection.Leave(this);
            throw;
        }
    }

    public CancellationToken Token { get; }

    public int TimeoutSeconds { get; }

    public InterruptReason Reason => (InterruptReason)Volatile.Read(ref _reason);

    private int _reason;

    public void Interrupt(InterruptReason reason)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        Interlocked.CompareExchange(ref _reason, (int)reason, (int)InterruptReason.None);
        _connection.Interrupt(this);
    }

    /// <summary>
    /// Repeats an interrupt asked for before the query began. DuckDB clears a connection's interrupt flag when a query
    /// starts, so a Cancel, token or time limit that landed while the statement was still being prepared was lost and
    /// the query ran on; called once the query has begun, this makes it stop.
    /// </summary>
    public void InterruptIfRequested()
    {
        if (Reason != InterruptReason.None && Volatile.Read(ref _disposed) == 0)
        {
            _connection.Interrupt(this);
        }
    }

    /// <summary>
    /// The exception for a failed statement. An interrupt this command asked for (Cancel, token, time limit) is an
    /// <see cref="OperationCanceledException"/> saying why; an interrupt nobody asked for is DuckDB's own — it stops
    /// the other threads of a parallel query when one of them fails, and now and then reports that instead of the
    /// first error — so it stays a <see cref="DuckDbException"/> rather than pretending to be a cancellation.
    /// </summary>
    public Exception Failure(string duckDbMessage, DuckDbErrorType type) =>
        type == DuckDbErrorType.Interrupt && Reason != InterruptReason.None
            ? Canceled(duckDbMessage)
            : new DuckDbException(duckDbMessage, type);

    private OperationCanceledException Canceled(string duckDbMessage) => Reason switch
    {
        InterruptReason.Timeout => new OperationCanceledException(
            $"The command was stopped after its time limit of {TimeoutSeconds} s (CommandTimeout). DuckDB: {duckDbMessage}"),
        InterruptReason.Token => new OperationCanceledException($"The command was cancelled. DuckDB: {duckDbMessage}", Token),
        _ => new OperationCanceledException($"The command was cancelled (DuckDbCommand.Cancel). DuckDB: {duckDbMessage}"),
    };

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _timer?.Dispose();
        _registration.Dispose();
        _connection.Leave(this);
    }
}

/// <summary>Why a command was interrupted.</summary>
internal enum InterruptReason
{
    None,
    Cancel,
    Token,
    Timeout,
}
