namespace Analytics.Snapshots.Sql;

/// <summary>Why a statement was refused before it ran (each has a Chinese and an English message in <see cref="SqlMessages"/>).</summary>
public enum SqlRefusal
{
    /// <summary>The text holds no statement.</summary>
    Empty,

    /// <summary>The text is longer than the console accepts.</summary>
    TooLong,

    /// <summary>The text holds a NUL, a control character, a lone surrogate or bytes that were not valid UTF-8.</summary>
    InvalidText,

    /// <summary>The text holds more than one statement.</summary>
    SeveralStatements,

    /// <summary>The statement would change the snapshot (INSERT, CREATE, DROP, …).</summary>
    Write,

    /// <summary>The statement would read or write files (COPY, EXPORT, IMPORT).</summary>
    FileAccess,

    /// <summary>The statement would attach or switch to another database (ATTACH, DETACH, USE).</summary>
    OtherDatabase,

    /// <summary>The statement would install or load an extension.</summary>
    Extension,

    /// <summary>The statement would change a setting (SET, RESET, PRAGMA).</summary>
    Setting,

    /// <summary>The statement is not a query (CALL, transactions, PREPARE, …).</summary>
    NotAQuery,

    /// <summary>EXPLAIN of something that is not a query, or with an option the console does not know.</summary>
    Explain,

    /// <summary>The query calls a function outside the console's policy (it changes state, touches files or discloses the server).</summary>
    Function,

    /// <summary>The query reads a system view that discloses the server (paths, settings, logs).</summary>
    SystemView,

    /// <summary>The form was posted without a valid antiforgery token (dashboard only).</summary>
    Antiforgery,

    /// <summary>The request body was larger than the console accepts (dashboard only).</summary>
    Oversize,
}
