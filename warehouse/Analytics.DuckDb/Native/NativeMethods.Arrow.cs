using System.Runtime.InteropServices;
using Apache.Arrow.C;

namespace Analytics.DuckDb.Native;

/// <summary>
/// Arrow export (duckdb.h of v1.5, "Arrow Interface"): DuckDB writes a result's schema and each data chunk into the
/// Arrow C data interface structs, which Apache.Arrow imports without copying. Errors come back as
/// <c>duckdb_error_data</c> (null or without error on success), destroyed by the caller.
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>The Arrow options (time zone, string and list layout) of the client context that produced the result.</summary>
    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_result_get_arrow_options")]
    public static partial nint duckdb_result_get_arrow_options(DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_arrow_options")]
    public static partial void duckdb_destroy_arrow_options(ref nint arrowOptions);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_to_arrow_schema")]
    public static partial nint duckdb_to_arrow_schema(nint arrowOptions, nint* types, byte** names, ulong columnCount, CArrowSchema* outSchema);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_data_chunk_to_arrow")]
    public static partial nint duckdb_data_chunk_to_arrow(nint arrowOptions, nint chunk, CArrowArray* outArray);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_error_data_has_error")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool duckdb_error_data_has_error(nint errorData);
}
