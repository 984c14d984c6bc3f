namespace Analytics.Warehouse.SqlConsole;

/// <summary>Why the SQL console refused a statement.</summary>
public enum SqlRefusal
{
    /// <summary>The text holds no statement.</summary>
    Empty,

    /// <summary>The text holds more than one statement.</summary>
    SeveralStatements,

    /// <summary>The statement would change the snapshot (INSERT, CREATE, DROP, …).</summary>
    Write,

    /// <summary>The statement would read or write files (COPY, EXPORT, read_csv, …).</summary>
    FileAccess,

    /// <summary>The statement would attach or switch to another database (ATTACH, DETACH, USE).</summary>
    OtherDatabase,

    /// <summary>The statement would install or load an extension.</summary>
    Extension,

    /// <summary>The statement would change a setting (SET, RESET, PRAGMA).</summary>
    Setting,

    /// <summary>The statement is not a query (CALL, transactions, PREPARE, …).</summary>
    NotAQuery,
}
