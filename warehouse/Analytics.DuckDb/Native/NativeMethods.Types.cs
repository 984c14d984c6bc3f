using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_get_type_id")]
    public static partial DuckDbType duckdb_get_type_id(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_logical_type")]
    public static partial nint duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_logical_type")]
    public static partial void duckdb_destroy_logical_type(ref nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_decimal_width")]
    public static partial byte duckdb_decimal_width(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_decimal_scale")]
    public static partial byte duckdb_decimal_scale(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_decimal_internal_type")]
    public static partial DuckDbType duckdb_decimal_internal_type(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_enum_internal_type")]
    public static partial DuckDbType duckdb_enum_internal_type(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_enum_dictionary_size")]
    public static partial uint duckdb_enum_dictionary_size(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_enum_dictionary_value")]
    public static partial byte* duckdb_enum_dictionary_value(nint logicalType, ulong index);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_list_type_child_type")]
    public static partial nint duckdb_list_type_child_type(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_array_type_child_type")]
    public static partial nint duckdb_array_type_child_type(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_array_type_array_size")]
    public static partial ulong duckdb_array_type_array_size(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_map_type_key_type")]
    public static partial nint duckdb_map_type_key_type(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_map_type_value_type")]
    public static partial nint duckdb_map_type_value_type(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_struct_type_child_count")]
    public static partial ulong duckdb_struct_type_child_count(nint logicalType);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_struct_type_child_name")]
    public static partial byte* duckdb_struct_type_child_name(nint logicalType, ulong index);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_struct_type_child_type")]
    public static partial nint duckdb_struct_type_child_type(nint logicalType, ulong index);

    // values, for binding parameters

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_destroy_value")]
    public static partial void duckdb_destroy_value(ref nint value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_null_value")]
    public static partial nint duckdb_create_null_value();

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_bool")]
    public static partial nint duckdb_create_bool([MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_int8")]
    public static partial nint duckdb_create_int8(sbyte value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_uint8")]
    public static partial nint duckdb_create_uint8(byte value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_int16")]
    public static partial nint duckdb_create_int16(short value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_uint16")]
    public static partial nint duckdb_create_uint16(ushort value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_int32")]
    public static partial nint duckdb_create_int32(int value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_uint32")]
    public static partial nint duckdb_create_uint32(uint value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_int64")]
    public static partial nint duckdb_create_int64(long value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_uint64")]
    public static partial nint duckdb_create_uint64(ulong value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_hugeint")]
    public static partial nint duckdb_create_hugeint(DuckDbHugeIntStruct value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_uhugeint")]
    public static partial nint duckdb_create_uhugeint(DuckDbHugeIntStruct value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_float")]
    public static partial nint duckdb_create_float(float value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_double")]
    public static partial nint duckdb_create_double(double value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_decimal")]
    public static partial nint duckdb_create_decimal(DuckDbDecimalStruct value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_varchar_length")]
    public static partial nint duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_blob")]
    public static partial nint duckdb_create_blob(byte* data, ulong length);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_date")]
    public static partial nint duckdb_create_date(int days);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_time")]
    public static partial nint duckdb_create_time(long micros);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_timestamp")]
    public static partial nint duckdb_create_timestamp(long micros);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_timestamp_tz")]
    public static partial nint duckdb_create_timestamp_tz(long micros);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_interval")]
    public static partial nint duckdb_create_interval(DuckDbIntervalStruct value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_uuid")]
    public static partial nint duckdb_create_uuid(DuckDbHugeIntStruct value);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_create_list_value")]
    public static partial nint duckdb_create_list_value(nint logicalType, nint* values, ulong count);

    [LibraryImport(NativeLibraryLoader.LibraryName, EntryPoint = "duckdb_get_value_type")]
    public static partial nint duckdb_get_value_type(nint value);
}
