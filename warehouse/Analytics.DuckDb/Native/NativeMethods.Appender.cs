using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_create_ext", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_appender_create_ext(nint connection, string? catalog, string? schema, string table, out nint appender);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_column_count")]
    public static partial ulong duckdb_appender_column_count(nint appender);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_column_type")]
    public static partial nint duckdb_appender_column_type(nint appender, ulong column);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_error_data")]
    public static partial nint duckdb_appender_error_data(nint appender);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_append_data_chunk")]
    public static partial DuckDbState duckdb_append_data_chunk(nint appender, nint chunk);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_flush")]
    public static partial DuckDbState duckdb_appender_flush(nint appender);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_close")]
    public static partial DuckDbState duckdb_appender_close(nint appender);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_appender_destroy")]
    public static partial DuckDbState duckdb_appender_destroy(ref nint appender);
}
