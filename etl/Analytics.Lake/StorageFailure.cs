namespace Analytics.Lake;

/// <summary>
/// Recognises the storage failures an operator fixes outside the program — a full disk, a permission refused — in any
/// exception: .NET's own (<see cref="IOException"/> with errno 28 ENOSPC, <see cref="UnauthorizedAccessException"/>),
/// or DuckDB's, which carry the operating system's text ("No space left on device", "Permission denied").
/// </summary>
public static class StorageFailure
{
    private const int Enospc = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>True when <paramref name="exception"/> or an exception inside it says the disk is full.</summary>
    public static bool IsDiskFull(Exception exception) => Chain(exception).Any(e =>
        e is IOException { HResult: Enospc or WindowsDiskFull or WindowsHandleDiskFull }
        || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("There is not enough space on the disk", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="exception"/> or an exception inside it is a refused permission.</summary>
    public static bool IsPermissionDenied(Exception exception) => Chain(exception).Any(e =>
        e is UnauthorizedAccessException
        || e.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
            if (exception is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
