using System.Buffers;
using System.Numerics;
using System.Text;
using Analytics.DuckDb.Native;
using Analytics.DuckDb.Reading;

namespace Analytics.DuckDb.Appending;

/// <summary>
/// Writes values of one appender column into the current data chunk's vector. Every write checks the CLR value against
/// the column's DuckDB type (and range) before touching native memory: a wrong type is an exception, never a value of
/// the wrong width in a vector.
/// </summary>
internal sealed unsafe class ColumnWriter
{
    private static readonly Int128[] Pow10 = CreatePowersOfTen();

    private readonly string _columnName;
    private readonly byte _decimalScale;
    private readonly byte _decimalWidth;
    private readonly DuckDbType _storage;
    private readonly Int128 _decimalLimit;
    private nint _vector;
    private void* _data;
    private ulong* _validity;

    public ColumnWriter(int ordinal, nint logicalType)
    {
        Type = NativeMethods.duckdb_get_type_id(logicalType);
        _storage = Type;
        TypeName = ColumnReaderFactory.SimpleName(Type);
        if (Type == DuckDbType.Decimal)
        {
            _decimalWidth = NativeMethods.duckdb_decimal_width(logicalType);
            _decimalScale = NativeMethods.duckdb_decimal_scale(logicalType);
            _storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
            TypeName = $"DECIMAL({_decimalWidth},{_decimalScale})";
            _decimalLimit = Pow10[_decimalWidth];
        }

        _columnName = $"column {ordinal} ({TypeName})";
    }

    public DuckDbType Type { get; }

    public string TypeName { get; }

    public void Reset(nint vector)
    {
        _vector = vector;
        _data = NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
    }

    public void WriteNull(int row)
    {
        if (_validity == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(_vector);
            _validity = NativeMethods.duckdb_vector_get_validity(_vector);
        }

        _validity[row >> 6] &= ~(1UL << (row & 63));
    }

    public void WriteBoolean(int row, bool value)
    {
        Require(Type == DuckDbType.Boolean, typeof(bool));
        ((byte*)_data)[row] = value ? (byte)1 : (byte)0;
        MarkValid(row);
    }

    public void WriteInt64(int row, long value)
    {
        switch (Type)
        {
            case DuckDbType.TinyInt: ((sbyte*)_data)[row] = Checked<sbyte>(value); break;
            case DuckDbType.SmallInt: ((short*)_data)[row] = Checked<short>(value); break;
            case DuckDbType.Integer: ((int*)_data)[row] = Checked<int>(value); break;
            case DuckDbType.BigInt: ((long*)_data)[row] = value; break;
            case DuckDbType.UTinyInt: ((byte*)_data)[row] = Checked<byte>(value); break;
            case DuckDbType.USmallInt: ((ushort*)_data)[row] = Checked<ushort>(value); break;
            case DuckDbType.UInteger: ((uint*)_data)[row] = Checked<uint>(value); break;
            case DuckDbType.UBigInt: ((ulong*)_data)[row] = Checked<ulong>(value); break;
            case DuckDbType.HugeInt: ((Int128*)_data)[row] = value; break;
            case DuckDbType.UHugeInt: ((UInt128*)_data)[row] = Checked<UInt128>(value); break;
            case DuckDbType.Float: ((float*)_data)[row] = value; break;
            case DuckDbType.Double: ((double*)_data)[row] = value; break;
            case DuckDbType.Decimal: WriteDecimal(row, value); return;
            default: throw WrongType(typeof(long));
        }

        MarkValid(row);
    }

    public void WriteUInt64(int row, ulong value)
    {
        if (value <= long.MaxValue)
        {
            WriteInt64(row, (long)value);
            return;
        }

        switch (Type)
        {
            case DuckDbType.UBigInt: ((ulong*)_data)[row] = value; break;
            case DuckDbType.HugeInt: ((Int128*)_data)[row] = value; break;
            case DuckDbType.UHugeInt: ((UInt128*)_data)[row] = value; break;
            case DuckDbType.Double: ((double*)_data)[row] = value; break;
            default: throw new OverflowException($"{value} does not fit {_columnName}.");
        }

        MarkValid(row);
    }

    public void WriteInt128(int row, Int128 value)
    {
        switch (Type)
        {
            case DuckDbType.HugeInt: ((Int128*)_data)[row] = value; break;
            case DuckDbType.UHugeInt: ((UInt128*)_data)[row] = Checked<UInt128>(value); break;
            default: WriteInt64(row, Checked<long>(value)); return;
        }

        MarkValid(row);
    }

    public void WriteDouble(int row, double value)
    {
        switch (Type)
        {
            case DuckDbType.Double: ((double*)_data)[row] = value; break;
            case DuckDbType.Float: ((float*)_data)[row] = (float)value; break;
            case DuckDbType.Decimal: WriteDecimal(row, (decimal)value); return;
            default: throw WrongType(typeof(double));
        }

        MarkValid(row);
    }

    public void WriteDecimal(int row, decimal value)
    {
        switch (Type)
        {
            case DuckDbType.Double: ((double*)_data)[row] = (double)value; break;
            case DuckDbType.Float: ((float*)_data)[row] = (float)value; break;
            case DuckDbType.Decimal: WriteScaled(row, value); return;
            default:
                if (decimal.Truncate(value) != value)
                {
                    throw new InvalidCastException($"{value} has a fraction; {_columnName} holds whole numbers.");
                }

                WriteInt128(row, (Int128)value);
                return;
        }

        MarkValid(row);
    }

    public void WriteString(int row, string value)
    {
        Require(Type == DuckDbType.VarChar, typeof(string));
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 256)
        {
            Span<byte> buffer = stackalloc byte[max];
            var length = Encoding.UTF8.GetBytes(value, buffer);
            Assign(row, buffer[..length]);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(max);
            try
            {
                var length = Encoding.UTF8.GetBytes(value, rented);
                Assign(row, rented.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public void WriteBytes(int row, ReadOnlySpan<byte> value)
    {
        Require(Type is DuckDbType.Blob, typeof(byte[]));
        Assign(row, value);
    }

    public void WriteDate(int row, DateOnly value)
    {
        switch (Type)
        {
            case DuckDbType.Date: ((int*)_data)[row] = Temporal.DaysFromDate(value); break;
            case DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs:
                WriteDateTime(row, value.ToDateTime(TimeOnly.MinValue));
                return;
            default: throw WrongType(typeof(DateOnly));
        }

        MarkValid(row);
    }

    public void WriteDateTime(int row, DateTime value)
    {
        if (Type == DuckDbType.TimestampTz && value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }

        var micros = Temporal.MicrosFromDateTime(value);
        switch (Type)
        {
            case DuckDbType.Timestamp or DuckDbType.TimestampTz: ((long*)_data)[row] = micros; break;
            case DuckDbType.TimestampS: ((long*)_data)[row] = micros / 1_000_000; break;
            case DuckDbType.TimestampMs: ((long*)_data)[row] = micros / 1_000; break;
            case DuckDbType.TimestampNs: ((long*)_data)[row] = NanosFromDateTime(value); break;
            case DuckDbType.Date when value.TimeOfDay == TimeSpan.Zero:
                ((int*)_data)[row] = Temporal.DaysFromDate(DateOnly.FromDateTime(value));
                break;
            case DuckDbType.Date:
                throw new InvalidCastException($"{value:O} has a time of day; {_columnName} holds dates only. Append a DateOnly.");
            default: throw WrongType(typeof(DateTime));
        }

        MarkValid(row);
    }

    public void WriteTime(int row, TimeOnly value)
    {
        Require(Type == DuckDbType.Time, typeof(TimeOnly));
        ((long*)_data)[row] = value.Ticks / Temporal.TicksPerMicro;
        MarkValid(row);
    }

    public void WriteInterval(int row, DuckDbInterval value)
    {
        Require(Type == DuckDbType.Interval, typeof(DuckDbInterval));
        ((DuckDbIntervalStruct*)_data)[row] = new DuckDbIntervalStruct { Months = value.Months, Days = value.Days, Micros = value.Micros };
        MarkValid(row);
    }

    public void WriteGuid(int row, Guid value)
    {
        Require(Type == DuckDbType.Uuid, typeof(Guid));
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        var number = UInt128.Zero;
        foreach (var b in bytes)
        {
            number = (number << 8) | b;
        }

        ((Int128*)_data)[row] = (Int128)(number ^ (UInt128.One << 127));
        MarkValid(row);
    }

    private void WriteScaled(int row, decimal value)
    {
        // System.Decimal has at most 28 places, so a scale beyond that never rounds.
        var rounded = decimal.Round(value, Math.Min((int)_decimalScale, 28), MidpointRounding.AwayFromZero);
        if (rounded != value)
        {
            throw new InvalidCastException($"{value} has more than {_decimalScale} decimal places; {_columnName} would round it. Round it first.");
        }

        // value = mantissa · 10^-scale and the column stores value · 10^columnScale: integer arithmetic in 128 bits
        // keeps every digit (decimal arithmetic overflows past 28 digits, which a DECIMAL(38,s) holds).
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(rounded, bits);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var factor = Pow10[_decimalScale - rounded.Scale];
        if (mantissa >= _decimalLimit / factor)
        {
            throw new OverflowException($"{value} does not fit {_columnName} (at most {_decimalWidth - _decimalScale} digits before the point).");
        }

        var scaled = mantissa * factor;
        if (rounded < 0)
        {
            scaled = -scaled;
        }

        switch (_storage)
        {
            case DuckDbType.SmallInt: ((short*)_data)[row] = (short)scaled; break;
            case DuckDbType.Integer: ((int*)_data)[row] = (int)scaled; break;
            case DuckDbType.BigInt: ((long*)_data)[row] = (long)scaled; break;
            default: ((Int128*)_data)[row] = scaled; break;
        }

        MarkValid(row);
    }

    private static Int128[] CreatePowersOfTen()
    {
        var powers = new Int128[39];
        powers[0] = Int128.One;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private long NanosFromDateTime(DateTime value)
    {
        try
        {
            return checked((value.Ticks - Temporal.EpochTicks) * 100);
        }
        catch (OverflowException)
        {
            throw new OverflowException($"{value:O} is outside the range of {_columnName} (1677-09-22 to 2262-04-11).");
        }
    }

    private void Assign(int row, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            NativeMethods.duckdb_vector_assign_string_element_len(_vector, (ulong)row, p, (ulong)bytes.Length);
        }

        MarkValid(row);
    }

    private void MarkValid(int row)
    {
        if (_validity != null)
        {
            _validity[row >> 6] |= 1UL << (row & 63);
        }
    }

    private void Require(bool ok, Type clrType)
    {
        if (!ok)
        {
            throw WrongType(clrType);
        }
    }

    private TTo Checked<TTo>(long value)
        where TTo : INumberBase<TTo>
    {
        try
        {
            return TTo.CreateChecked(value);
        }
        catch (OverflowException)
        {
            throw new OverflowException($"{value} does not fit {_columnName}.");
        }
    }

    private TTo Checked<TTo>(Int128 value)
        where TTo : INumberBase<TTo>
    {
        try
        {
            return TTo.CreateChecked(value);
        }
        catch (OverflowException)
        {
            throw new OverflowException($"{value} does not fit {_columnName}.");
        }
    }

    private InvalidCastException WrongType(Type clrType) =>
        new($"Cannot append a {clrType.Name} to {_columnName}.");
}
