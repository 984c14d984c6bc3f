namespace Analytics.Snapshots.Sql;

/// <summary>DuckDB's parser could not read the text; <see cref="Exception.Message"/> is the parser's own message with its position.</summary>
public sealed class SqlSyntaxException : Exception
{
    /// <summary>Creates the exception with the parser's message.</summary>
    public SqlSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SqlSyntaxException()
        : this("Syntax error.")
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public SqlSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
