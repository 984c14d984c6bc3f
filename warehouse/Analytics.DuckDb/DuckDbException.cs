using System.Data.Common;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// An error reported by DuckDB, with its error class (<see cref="ErrorType"/>) and DuckDB's own message.
/// </summary>
/// <remarks>
/// Which errors become which exception: DuckDB errors (syntax, binder, catalog, conversion, constraint, I/O,
/// permission, …) are <see cref="DuckDbException"/>; an interrupted query (<see cref="DuckDbCommand.Cancel"/>, a
/// cancelled token, <see cref="DuckDbCommand.CommandTimeout"/>) is <see cref="OperationCanceledException"/>; misuse of
/// the API (a closed connection, a disposed object, a value of the wrong type for an appender column, a missing or
/// unused parameter) is the usual .NET exception (<see cref="InvalidOperationException"/>,
/// <see cref="ObjectDisposedException"/>, <see cref="InvalidCastException"/>, <see cref="ArgumentException"/>).
/// </remarks>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception with a message and DuckDB's error class.</summary>
    public DuckDbException(string message, DuckDbErrorType errorType = DuckDbErrorType.Invalid, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <summary>Creates an exception with a message.</summary>
    public DuckDbException(string message)
        : this(message, DuckDbErrorType.Invalid)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public DuckDbException(string message, Exception innerException)
        : this(message, DuckDbErrorType.Invalid, innerException)
    {
    }

    /// <summary>Creates an exception with no message.</summary>
    public DuckDbException()
        : this("DuckDB reported an error.")
    {
    }

    /// <summary>DuckDB's error class, e.g. <see cref="DuckDbErrorType.Catalog"/> for an unknown table.</summary>
    public DuckDbErrorType ErrorType { get; }

    /// <inheritdoc />
    public override bool IsTransient => ErrorType is DuckDbErrorType.Transaction;
}
