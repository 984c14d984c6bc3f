namespace Analytics.Cli;

/// <summary>The exit codes scripts can rely on (also listed in <c>analytics --help</c>).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int InputRefused = 3;
    public const int RowsDoNotAddUp = 4;
    public const int PullFailed = 5;
    public const int NotebookCellFailed = 6;
    public const int SqlRefused = 7;
    public const int QueryFailed = 8;
    public const int DataTestsFailed = 9;
    public const int LakeBusy = 10;
    public const int NoSpace = 11;
    public const int PermissionDenied = 12;
    public const int Cancelled = 130;

    public const string Help = """
        Exit codes: 0 success (including nothing new to do); 1 unexpected error; 2 bad arguments or configuration;
        3 an input file was refused (unreadable, wrong encoding, missing columns) and nothing was published;
        4 rows did not add up (read ≠ loaded + quarantined) and nothing was published; 5 a source could not be pulled;
        6 a notebook cell failed (its number and error are printed) and nothing was written;
        7 a SQL statement was refused (not a single read-only query, or a function or view outside the console's policy);
        8 a SQL query failed (DuckDB error, a time, memory, disk or size limit, or its worker process ended);
        9 the build's data tests failed (each failing test, its row count and an example are printed) and nothing was published;
        10 another load holds the lake (lake/_load.lock; its pid and start time are printed) and nothing was done;
        11 not enough disk space (the disk filled up, or a build's free-space check refused to start) and nothing was published;
        12 permission denied on a file or folder the command must write or read, and nothing was published;
        130 cancelled (Ctrl+C).
        """;
}
