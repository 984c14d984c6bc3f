using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>Builds the reader for a column from its DuckDB logical type (recursively for LIST, ARRAY, STRUCT and MAP).</summary>
internal static unsafe class ColumnReaderFactory
{
    /// <summary>Creates a reader and destroys <paramref name="logicalType"/>.</summary>
    public static ColumnReader CreateAndDestroy(nint logicalType)
    {
        try
        {
            return Create(logicalType);
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(ref logicalType);
        }
    }

    public static ColumnReader Create(nint logicalType)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        var name = SimpleName(type);
        return type switch
        {
            DuckDbType.Boolean => new BooleanReader(name),
            DuckDbType.TinyInt => new NumberReader<sbyte>(type, name),
            DuckDbType.SmallInt => new NumberReader<short>(type, name),
            DuckDbType.Integer => new NumberReader<int>(type, name),
            DuckDbType.BigInt => new NumberReader<long>(type, name),
            DuckDbType.UTinyInt => new NumberReader<byte>(type, name),
            DuckDbType.USmallInt => new NumberReader<ushort>(type, name),
            DuckDbType.UInteger => new NumberReader<uint>(type, name),
            DuckDbType.UBigInt => new NumberReader<ulong>(type, name),
            DuckDbType.HugeInt => new NumberReader<Int128>(type, name),
            DuckDbType.UHugeInt => new NumberReader<UInt128>(type, name),
            DuckDbType.Float => new NumberReader<float>(type, name),
            DuckDbType.Double => new NumberReader<double>(type, name),
            DuckDbType.VarChar or DuckDbType.Blob => new StringReader(type, name),
            DuckDbType.Date => new DateReader(name),
            DuckDbType.Time or DuckDbType.TimeNs => new TimeReader(type, name),
            DuckDbType.TimeTz => new TimeTzReader(name),
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
                or DuckDbType.TimestampTz => new TimestampReader(type, name),
            DuckDbType.Interval => new IntervalReader(name),
            DuckDbType.Uuid => new UuidReader(name),
            DuckDbType.Decimal => CreateDecimal(logicalType),
            DuckDbType.Enum => CreateEnum(logicalType),
            DuckDbType.List => CreateList(logicalType),
            DuckDbType.Array => CreateArray(logicalType),
            DuckDbType.Struct => CreateStruct(logicalType),
            DuckDbType.Map => CreateMap(logicalType),
            _ => new UnsupportedReader(type, name),
        };
    }

    /// <summary>DuckDB's SQL name for a type id without parameters.</summary>
    public static string SimpleName(DuckDbType type) => type switch
    {
        DuckDbType.Boolean => "BOOLEAN",
        DuckDbType.TinyInt => "TINYINT",
        DuckDbType.SmallInt => "SMALLINT",
        DuckDbType.Integer => "INTEGER",
        DuckDbType.BigInt => "BIGINT",
        DuckDbType.UTinyInt => "UTINYINT",
        DuckDbType.USmallInt => "USMALLINT",
        DuckDbType.UInteger => "UINTEGER",
        DuckDbType.UBigInt => "UBIGINT",
        DuckDbType.HugeInt => "HUGEINT",
        DuckDbType.UHugeInt => "UHUGEINT",
        DuckDbType.Float => "FLOAT",
        DuckDbType.Double => "DOUBLE",
        DuckDbType.VarChar => "VARCHAR",
        DuckDbType.Blob => "BLOB",
        DuckDbType.Date => "DATE",
        DuckDbType.Time => "TIME",
        DuckDbType.TimeNs => "TIME_NS",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbType.Timestamp => "TIMESTAMP",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.Interval => "INTERVAL",
        DuckDbType.Uuid => "UUID",
        DuckDbType.SqlNull => "NULL",
        _ => type.ToString().ToUpperInvariant(),
    };

    private static ColumnReader CreateDecimal(nint logicalType)
    {
        var width = NativeMethods.duckdb_decimal_width(logicalType);
        var scale = NativeMethods.duckdb_decimal_scale(logicalType);
        var name = $"DECIMAL({width},{scale})";
        return NativeMethods.duckdb_decimal_internal_type(logicalType) switch
        {
            DuckDbType.SmallInt => new DecimalReader<short>(name, scale),
            DuckDbType.Integer => new DecimalReader<int>(name, scale),
            DuckDbType.BigInt => new DecimalReader<long>(name, scale),
            _ => new DecimalReader<Int128>(name, scale),
        };
    }

    private static EnumReader CreateEnum(nint logicalType)
    {
        var size = NativeMethods.duckdb_enum_dictionary_size(logicalType);
        var dictionary = new string[size];
        for (var i = 0u; i < size; i++)
        {
            dictionary[i] = Utf8.FromOwnedPointer(NativeMethods.duckdb_enum_dictionary_value(logicalType, i)) ?? "";
        }

        return new EnumReader("ENUM", NativeMethods.duckdb_enum_internal_type(logicalType), dictionary);
    }

    private static ListReader CreateList(nint logicalType)
    {
        var child = CreateAndDestroy(NativeMethods.duckdb_list_type_child_type(logicalType));
        return new ListReader(DuckDbType.List, child.TypeName + "[]", child);
    }

    private static ListReader CreateArray(nint logicalType)
    {
        var size = NativeMethods.duckdb_array_type_array_size(logicalType);
        var child = CreateAndDestroy(NativeMethods.duckdb_array_type_child_type(logicalType));
        return new ListReader(DuckDbType.Array, $"{child.TypeName}[{size}]", child, size);
    }

    private static StructReader CreateStruct(nint logicalType)
    {
        var count = (int)NativeMethods.duckdb_struct_type_child_count(logicalType);
        var names = new string[count];
        var children = new ColumnReader[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Utf8.FromOwnedPointer(NativeMethods.duckdb_struct_type_child_name(logicalType, (ulong)i)) ?? "";
            children[i] = CreateAndDestroy(NativeMethods.duckdb_struct_type_child_type(logicalType, (ulong)i));
        }

        var name = "STRUCT(" + string.Join(", ", names.Select((n, i) => $"{n} {children[i].TypeName}")) + ")";
        return new StructReader(name, names, children);
    }

    private static MapReader CreateMap(nint logicalType)
    {
        var key = CreateAndDestroy(NativeMethods.duckdb_map_type_key_type(logicalType));
        var value = CreateAndDestroy(NativeMethods.duckdb_map_type_value_type(logicalType));
        return new MapReader($"MAP({key.TypeName}, {value.TypeName})", key, value);
    }
}
