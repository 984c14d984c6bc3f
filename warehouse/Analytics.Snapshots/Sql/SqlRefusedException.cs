namespace Analytics.Snapshots.Sql;

/// <summary>
/// A statement was refused before it ran: the console runs one read-only query at a time against the snapshot and
/// nothing else. <see cref="Reason"/> and <see cref="Subject"/> say why; <see cref="SqlMessages"/> says it in Chinese
/// or English with what to do instead (<see cref="Exception.Message"/> is the English text).
/// </summary>
public sealed class SqlRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="subject">The keyword, function or view refused, or a count, when the reason has one.</param>
    public SqlRefusedException(SqlRefusal reason, string? subject = null)
        : base(SqlMessages.Refusal(reason, subject, chinese: false))
    {
        Reason = reason;
        Subject = subject;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SqlRefusedException()
        : this(SqlRefusal.NotAQuery)
    {
    }

    /// <summary>Creates the exception with a message (the reason is <see cref="SqlRefusal.NotAQuery"/>).</summary>
    public SqlRefusedException(string message)
        : base(message)
    {
        Reason = SqlRefusal.NotAQuery;
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public SqlRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = SqlRefusal.NotAQuery;
    }

    /// <summary>Why the statement was refused.</summary>
    public SqlRefusal Reason { get; }

    /// <summary>The keyword, function or view refused, if any.</summary>
    public string? Subject { get; }
}
