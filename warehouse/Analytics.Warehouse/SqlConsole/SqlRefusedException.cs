namespace Analytics.Warehouse.SqlConsole;

/// <summary>
/// The SQL console refused a statement before or while running it: the console runs one read-only query at a time
/// against the snapshot and nothing else. The message says what was refused and what to do instead.
/// </summary>
public sealed class SqlRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqlRefusedException(SqlRefusal reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SqlRefusedException()
        : this(SqlRefusal.NotAQuery, "The SQL console runs read-only queries only.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SqlRefusedException(string message)
        : this(SqlRefusal.NotAQuery, message)
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public SqlRefusedException(string message, Exception innerException)
        : this(SqlRefusal.NotAQuery, message, innerException)
    {
    }

    /// <summary>Why the statement was refused.</summary>
    public SqlRefusal Reason { get; }
}
