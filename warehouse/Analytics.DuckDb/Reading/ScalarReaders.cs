using System.Numerics;
using System.Text;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>BOOLEAN: one byte per row.</summary>
internal sealed unsafe class BooleanReader(string typeName) : ColumnReader(DuckDbType.Boolean, typeName)
{
    public override Type FieldType => typeof(bool);

    public override bool GetBoolean(ulong row) => ((byte*)Data)[row] != 0;

    public override object GetValue(ulong row) => GetBoolean(row);
}

/// <summary>
/// Every fixed-width number (TINYINT … HUGEINT, the unsigned ones, FLOAT, DOUBLE). Integer getters convert with an
/// overflow check, so <c>GetInt64</c> reads an INTEGER column and <c>GetInt32</c> a BIGINT value that fits.
/// </summary>
internal sealed unsafe class NumberReader<T>(DuckDbType type, string typeName) : ColumnReader(type, typeName)
    where T : unmanaged, INumber<T>
{
    public override Type FieldType => typeof(T);

    public T Read(ulong row) => ((T*)Data)[row];

    public override byte GetByte(ulong row) => byte.CreateChecked(Read(row));

    public override short GetInt16(ulong row) => short.CreateChecked(Read(row));

    public override int GetInt32(ulong row) => int.CreateChecked(Read(row));

    public override long GetInt64(ulong row) => long.CreateChecked(Read(row));

    public override float GetFloat(ulong row) => float.CreateChecked(Read(row));

    public override double GetDouble(ulong row) => double.CreateChecked(Read(row));

    public override decimal GetDecimal(ulong row) => decimal.CreateChecked(Read(row));

    public override object GetValue(ulong row) => Read(row);

    public override TOut GetFieldValue<TOut>(ulong row) =>
        typeof(TOut) == typeof(T) || typeof(TOut) == typeof(T?) ? (TOut)(object)Read(row) : base.GetFieldValue<TOut>(row);
}

/// <summary>VARCHAR and BLOB: 16-byte <c>duckdb_string_t</c>, inline up to 12 bytes, else a pointer.</summary>
internal sealed unsafe class StringReader(DuckDbType type, string typeName) : ColumnReader(type, typeName)
{
    public override Type FieldType => DuckDbType == DuckDbType.Blob ? typeof(byte[]) : typeof(string);

    public override ReadOnlySpan<byte> GetBytes(ulong row)
    {
        var s = (DuckDbStringStruct*)Data + row;
        var length = (int)s->Length;
        return length <= DuckDbStringStruct.InlineLength
            ? new ReadOnlySpan<byte>(s->Prefix, length)
            : new ReadOnlySpan<byte>(s->Pointer, length);
    }

    public override string GetString(ulong row) => DuckDbType == DuckDbType.Blob
        ? throw CannotRead(typeof(string))
        : Encoding.UTF8.GetString(GetBytes(row));

    public override object GetValue(ulong row) => DuckDbType == DuckDbType.Blob ? GetBytes(row).ToArray() : GetString(row);
}

/// <summary>ENUM: an unsigned index (8, 16 or 32 bits) into the type's dictionary.</summary>
internal sealed unsafe class EnumReader(string typeName, DuckDbType internalType, string[] dictionary)
    : ColumnReader(DuckDbType.Enum, typeName)
{
    public override Type FieldType => typeof(string);

    public override string GetString(ulong row) => dictionary[internalType switch
    {
        DuckDbType.UTinyInt => ((byte*)Data)[row],
        DuckDbType.USmallInt => ((ushort*)Data)[row],
        _ => (int)((uint*)Data)[row],
    }];

    public override object GetValue(ulong row) => GetString(row);
}

/// <summary>UUID: a HUGEINT with the top bit flipped (so that UUIDs sort as their text does).</summary>
internal sealed unsafe class UuidReader(string typeName) : ColumnReader(DuckDbType.Uuid, typeName)
{
    public override Type FieldType => typeof(Guid);

    public override Guid GetGuid(ulong row)
    {
        var value = (UInt128)((Int128*)Data)[row] ^ (UInt128.One << 127);
        Span<byte> bytes = stackalloc byte[16];
        ((IBinaryInteger<UInt128>)value).WriteBigEndian(bytes);
        return new Guid(bytes, bigEndian: true);
    }

    public override string GetString(ulong row) => GetGuid(row).ToString();

    public override object GetValue(ulong row) => GetGuid(row);
}

/// <summary>INTERVAL: months, days and microseconds, kept apart as DuckDB keeps them.</summary>
internal sealed unsafe class IntervalReader(string typeName) : ColumnReader(DuckDbType.Interval, typeName)
{
    public override Type FieldType => typeof(DuckDbInterval);

    public DuckDbInterval Read(ulong row)
    {
        var i = ((DuckDbIntervalStruct*)Data)[row];
        return new DuckDbInterval(i.Months, i.Days, i.Micros);
    }

    public override object GetValue(ulong row) => Read(row);
}
