using System.Collections;
using System.Numerics;
using System.Text;
using Analytics.DuckDb.Native;
using Analytics.DuckDb.Reading;

namespace Analytics.DuckDb.Execution;

/// <summary>Creates DuckDB values (<c>duckdb_value</c>) from CLR parameter values, for <c>duckdb_bind_value</c>.</summary>
internal static unsafe class ParameterValues
{
    /// <summary>A new native value the caller must destroy; throws <see cref="ArgumentException"/> for a type DuckDB has no match for.</summary>
    public static nint Create(object? value, string parameterName)
    {
        switch (value)
        {
            case null or DBNull:
                return NativeMethods.duckdb_create_null_value();
            case bool b:
                return NativeMethods.duckdb_create_bool(b);
            case sbyte v:
                return NativeMethods.duckdb_create_int8(v);
            case byte v:
                return NativeMethods.duckdb_create_uint8(v);
            case short v:
                return NativeMethods.duckdb_create_int16(v);
            case ushort v:
                return NativeMethods.duckdb_create_uint16(v);
            case int v:
                return NativeMethods.duckdb_create_int32(v);
            case uint v:
                return NativeMethods.duckdb_create_uint32(v);
            case long v:
                return NativeMethods.duckdb_create_int64(v);
            case ulong v:
                return NativeMethods.duckdb_create_uint64(v);
            case Int128 v:
                return NativeMethods.duckdb_create_hugeint(new DuckDbHugeIntStruct { Lower = (ulong)v, Upper = (long)(v >> 64) });
            case UInt128 v:
                return NativeMethods.duckdb_create_uhugeint(new DuckDbHugeIntStruct { Lower = (ulong)v, Upper = (long)(ulong)(v >> 64) });
            case BigInteger v when v >= (BigInteger)Int128.MinValue && v <= (BigInteger)Int128.MaxValue:
                return Create((Int128)v, parameterName);
            case float v:
                return NativeMethods.duckdb_create_float(v);
            case double v:
                return NativeMethods.duckdb_create_double(v);
            case decimal v:
                return CreateDecimal(v);
            case string s:
                return CreateVarchar(s);
            case char c:
                return CreateVarchar(c.ToString());
            case byte[] bytes:
                return CreateBlob(bytes);
            case ReadOnlyMemory<byte> memory:
                return CreateBlob(memory.Span);
            case Memory<byte> memory:
                return CreateBlob(memory.Span);
            case DateOnly d:
                return NativeMethods.duckdb_create_date(Temporal.DaysFromDate(d));
            case TimeOnly t:
                return NativeMethods.duckdb_create_time(t.Ticks / Temporal.TicksPerMicro);
            case DateTime dt when dt.Kind == DateTimeKind.Utc:
                return NativeMethods.duckdb_create_timestamp_tz(Temporal.MicrosFromDateTime(dt));
            case DateTime dt:
                return NativeMethods.duckdb_create_timestamp(Temporal.MicrosFromDateTime(dt));
            case DateTimeOffset dto:
                return NativeMethods.duckdb_create_timestamp_tz(Temporal.MicrosFromDateTime(dto.UtcDateTime));
            case TimeSpan span:
                return CreateInterval(DuckDbInterval.FromTimeSpan(span));
            case DuckDbInterval interval:
                return CreateInterval(interval);
            case Guid g:
                return CreateUuid(g);
            case Enum e:
                return Create(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture), parameterName);
            case IEnumerable sequence:
                return CreateList(sequence, parameterName);
            default:
                throw new ArgumentException(
                    $"Parameter '{parameterName}' has a value of type {value.GetType().FullName}, which has no DuckDB type. " +
                    "Use a number, string, bool, byte[], date/time type, Guid, TimeSpan or a list of these.",
                    nameof(value));
        }
    }

    private static nint CreateVarchar(string s)
    {
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        var buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(s, buffer);
        fixed (byte* p = buffer)
        {
            return NativeMethods.duckdb_create_varchar_length(p, (ulong)length);
        }
    }

    private static nint CreateBlob(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            return NativeMethods.duckdb_create_blob(p, (ulong)bytes.Length);
        }
    }

    private static nint CreateDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var signed = (Int128)magnitude;
        if (value < 0)
        {
            signed = -signed;
        }

        // DuckDB's width is at most 38; a .NET decimal has at most 29 digits.
        var digits = magnitude == 0 ? 1 : (int)Math.Floor(Math.Log10((double)magnitude)) + 1;
        var width = (byte)Math.Min(38, Math.Max(digits, scale + 1));
        return NativeMethods.duckdb_create_decimal(new DuckDbDecimalStruct
        {
            Width = width,
            Scale = scale,
            Lower = (ulong)signed,
            Upper = (long)(signed >> 64),
        });
    }

    private static nint CreateInterval(DuckDbInterval interval) =>
        NativeMethods.duckdb_create_interval(new DuckDbIntervalStruct { Months = interval.Months, Days = interval.Days, Micros = interval.Micros });

    private static nint CreateUuid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        var number = UInt128.Zero;
        foreach (var b in bytes)
        {
            number = (number << 8) | b;
        }

        // duckdb_create_uuid takes the UUID as an unsigned 128-bit number (it flips the top bit itself).
        return NativeMethods.duckdb_create_uuid(new DuckDbHugeIntStruct { Lower = (ulong)number, Upper = (long)(ulong)(number >> 64) });
    }

    private static nint CreateList(IEnumerable sequence, string parameterName)
    {
        var values = new List<nint>();
        nint childType = 0;
        try
        {
            foreach (var item in sequence)
            {
                var v = Create(item, parameterName);
                values.Add(v);
                if (childType == 0 && item is not null and not DBNull)
                {
                    childType = NativeMethods.duckdb_get_value_type(v);
                }
            }

            if (childType == 0 && ElementType(sequence) is { IsValueType: true } element)
            {
                // An empty list or a list of NULLs of a value type (int[], List<long?>): the element type comes from
                // a sample value, so that `id = ANY($1)` compares numbers with numbers.
                var sample = Create(Activator.CreateInstance(Nullable.GetUnderlyingType(element) ?? element), parameterName);
                try
                {
                    return CreateListValue(NativeMethods.duckdb_get_value_type(sample), values);
                }
                finally
                {
                    NativeMethods.duckdb_destroy_value(ref sample);
                }
            }

            if (childType == 0)
            {
                // An empty list or a list of NULLs of strings or unknown elements: VARCHAR casts to anything.
                var varchar = NativeMethods.duckdb_create_logical_type(DuckDbType.VarChar);
                try
                {
                    return CreateListValue(varchar, values);
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(ref varchar);
                }
            }

            return CreateListValue(childType, values);
        }
        finally
        {
            for (var i = 0; i < values.Count; i++)
            {
                var v = values[i];
                NativeMethods.duckdb_destroy_value(ref v);
            }
        }
    }

    private static Type? ElementType(IEnumerable sequence) =>
        sequence.GetType().IsArray
            ? sequence.GetType().GetElementType()
            : sequence.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static nint CreateListValue(nint childType, List<nint> values)
    {
        // One slot at least: an empty array would pin as a null pointer, which DuckDB rejects even for zero values.
        var array = new nint[Math.Max(1, values.Count)];
        values.CopyTo(array);
        fixed (nint* p = array)
        {
            var list = NativeMethods.duckdb_create_list_value(childType, p, (ulong)values.Count);
            return list != 0
                ? list
                : throw new ArgumentException("The list parameter mixes element types DuckDB cannot put in one list.");
        }
    }
}
