using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>
/// DuckDB's C API (duckdb.h of v1.5), one partial file per area. Handles are passed as raw pointers; their owners
/// are the <see cref="System.Runtime.InteropServices.SafeHandle"/> types in Handles.cs. <c>idx_t</c> is 64-bit.
/// </summary>
internal static unsafe partial class NativeMethods
{
    static NativeMethods() => NativeLibraryLoader.Register();

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_library_version")]
    public static partial byte* duckdb_library_version();

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_free")]
    public static partial void duckdb_free(void* ptr);

    // database and configuration

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_config")]
    public static partial DuckDbState duckdb_create_config(out nint config);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_set_config", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_set_config(nint config, string name, string option);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_config")]
    public static partial void duckdb_destroy_config(ref nint config);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_open_ext", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_open_ext(string? path, out nint database, nint config, out byte* error);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_close")]
    public static partial void duckdb_close(ref nint database);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_connect")]
    public static partial DuckDbState duckdb_connect(nint database, out nint connection);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_disconnect")]
    public static partial void duckdb_disconnect(ref nint connection);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_interrupt")]
    public static partial void duckdb_interrupt(nint connection);

    // statements

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_extract_statements", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ulong duckdb_extract_statements(nint connection, string query, out nint extracted);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_prepare_extracted_statement")]
    public static partial DuckDbState duckdb_prepare_extracted_statement(nint connection, nint extracted, ulong index, out nint prepared);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_extract_statements_error")]
    public static partial byte* duckdb_extract_statements_error(nint extracted);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_extracted")]
    public static partial void duckdb_destroy_extracted(ref nint extracted);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_prepare_error")]
    public static partial byte* duckdb_prepare_error(nint prepared);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_prepare")]
    public static partial void duckdb_destroy_prepare(ref nint prepared);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_nparams")]
    public static partial ulong duckdb_nparams(nint prepared);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_parameter_name")]
    public static partial byte* duckdb_parameter_name(nint prepared, ulong index);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_bind_value")]
    public static partial DuckDbState duckdb_bind_value(nint prepared, ulong index, nint value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_clear_bindings")]
    public static partial DuckDbState duckdb_clear_bindings(nint prepared);

    // pending execution and results

    // The streaming variant is marked deprecated in duckdb.h but is the only way to get a result that is produced
    // chunk by chunk instead of materialised whole; it is exported and supported in 1.5.
    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_pending_prepared_streaming")]
    public static partial DuckDbState duckdb_pending_prepared_streaming(nint prepared, out nint pending);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_pending_prepared")]
    public static partial DuckDbState duckdb_pending_prepared(nint prepared, out nint pending);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_pending_error")]
    public static partial byte* duckdb_pending_error(nint pending);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_execute_pending")]
    public static partial DuckDbState duckdb_execute_pending(nint pending, DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_pending")]
    public static partial void duckdb_destroy_pending(ref nint pending);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_result")]
    public static partial void duckdb_destroy_result(DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_result_error")]
    public static partial byte* duckdb_result_error(DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_result_error_type")]
    public static partial DuckDbErrorType duckdb_result_error_type(DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_result_return_type")]
    public static partial DuckDbResultType duckdb_result_return_type(DuckDbResultStruct result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_column_count")]
    public static partial ulong duckdb_column_count(DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_column_name")]
    public static partial byte* duckdb_column_name(DuckDbResultStruct* result, ulong column);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_column_logical_type")]
    public static partial nint duckdb_column_logical_type(DuckDbResultStruct* result, ulong column);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_rows_changed")]
    public static partial ulong duckdb_rows_changed(DuckDbResultStruct* result);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_fetch_chunk")]
    public static partial nint duckdb_fetch_chunk(DuckDbResultStruct result);

    // errors carried as duckdb_error_data (appender)

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_error_data_error_type")]
    public static partial DuckDbErrorType duckdb_error_data_error_type(nint errorData);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_error_data_message")]
    public static partial byte* duckdb_error_data_message(nint errorData);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_error_data")]
    public static partial void duckdb_destroy_error_data(ref nint errorData);
}
