using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_data_chunk")]
    public static partial nint duckdb_create_data_chunk(nint* types, ulong columnCount);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_data_chunk")]
    public static partial void duckdb_destroy_data_chunk(ref nint chunk);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_data_chunk_reset")]
    public static partial void duckdb_data_chunk_reset(nint chunk);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_data_chunk_get_size")]
    public static partial ulong duckdb_data_chunk_get_size(nint chunk);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_data_chunk_set_size")]
    public static partial void duckdb_data_chunk_set_size(nint chunk, ulong size);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_data_chunk_get_vector")]
    public static partial nint duckdb_data_chunk_get_vector(nint chunk, ulong column);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_vector_get_data")]
    public static partial void* duckdb_vector_get_data(nint vector);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_vector_get_validity")]
    public static partial ulong* duckdb_vector_get_validity(nint vector);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    public static partial void duckdb_vector_ensure_validity_writable(nint vector);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_vector_assign_string_element_len")]
    public static partial void duckdb_vector_assign_string_element_len(nint vector, ulong index, byte* text, ulong length);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_list_vector_get_child")]
    public static partial nint duckdb_list_vector_get_child(nint vector);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_list_vector_get_size")]
    public static partial ulong duckdb_list_vector_get_size(nint vector);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_struct_vector_get_child")]
    public static partial nint duckdb_struct_vector_get_child(nint vector, ulong index);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_array_vector_get_child")]
    public static partial nint duckdb_array_vector_get_child(nint vector);
}
