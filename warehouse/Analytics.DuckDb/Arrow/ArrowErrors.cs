using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>Turns the <c>duckdb_error_data</c> an Arrow export returns into an exception, destroying it either way.</summary>
internal static unsafe class ArrowErrors
{
    public static void ThrowIfError(nint errorData, StatementResult result)
    {
        if (errorData == 0)
        {
            return;
        }

        try
        {
            if (!NativeMethods.duckdb_error_data_has_error(errorData))
            {
                return;
            }

            var message = Utf8.FromPointer(NativeMethods.duckdb_error_data_message(errorData)) ?? "DuckDB could not export the result as Arrow.";
            throw result.Failure(message, NativeMethods.duckdb_error_data_error_type(errorData));
        }
        finally
        {
            NativeMethods.duckdb_destroy_error_data(ref errorData);
        }
    }
}
