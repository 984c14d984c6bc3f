using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>Day and microsecond arithmetic shared by the temporal readers and the appender.</summary>
internal static class Temporal
{
    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01, DuckDB's day 0.</summary>
    public const int EpochDayNumber = 719162;

    public const long TicksPerMicro = 10;

    public static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    // DuckDB writes 'infinity' as the largest value of the storage type and '-infinity' as its negation.
    public static DateOnly DateFromDays(int days) => days switch
    {
        int.MaxValue => DateOnly.MaxValue,
        -int.MaxValue => DateOnly.MinValue,
        _ => DateOnly.FromDayNumber(days + EpochDayNumber),
    };

    public static int DaysFromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateTime DateTimeFromMicros(long micros, DateTimeKind kind) => micros switch
    {
        long.MaxValue => DateTime.SpecifyKind(DateTime.MaxValue, kind),
        -long.MaxValue => DateTime.SpecifyKind(DateTime.MinValue, kind),
        _ => new DateTime(EpochTicks + (micros * TicksPerMicro), kind),
    };

    public static long MicrosFromDateTime(DateTime value) => (value.Ticks - EpochTicks) / TicksPerMicro;
}

/// <summary>DATE: days since 1970-01-01, read as <see cref="DateOnly"/> (or <see cref="DateTime"/> at midnight).</summary>
internal sealed unsafe class DateReader(string typeName) : ColumnReader(DuckDbType.Date, typeName)
{
    public override Type FieldType => typeof(DateOnly);

    public DateOnly Read(ulong row) => Temporal.DateFromDays(((int*)Data)[row]);

    /// <summary>Midnight of the date; DuckDB's infinities are <see cref="DateTime.MaxValue"/> and <see cref="DateTime.MinValue"/>, as for TIMESTAMP.</summary>
    public override DateTime GetDateTime(ulong row) => ((int*)Data)[row] switch
    {
        int.MaxValue => DateTime.MaxValue,
        -int.MaxValue => DateTime.MinValue,
        _ => Read(row).ToDateTime(TimeOnly.MinValue),
    };

    public override object GetValue(ulong row) => Read(row);
}

/// <summary>TIME (microseconds) and TIME_NS (nanoseconds) since midnight, read as <see cref="TimeOnly"/>.</summary>
internal sealed unsafe class TimeReader(DuckDbType type, string typeName) : ColumnReader(type, typeName)
{
    public override Type FieldType => typeof(TimeOnly);

    public TimeOnly Read(ulong row)
    {
        var raw = ((long*)Data)[row];
        var ticks = DuckDbType == DuckDbType.TimeNs ? raw / 100 : raw * Temporal.TicksPerMicro;

        // DuckDB allows 24:00:00, which TimeOnly cannot hold.
        return new TimeOnly(Math.Min(ticks, TimeOnly.MaxValue.Ticks));
    }

    public override object GetValue(ulong row) => Read(row);
}

/// <summary>
/// TIME WITH TIME ZONE: 40 bits of microseconds and 24 bits of an encoded offset, read as a
/// <see cref="DateTimeOffset"/> on 2000-01-01 (the date part carries no meaning).
/// </summary>
internal sealed unsafe class TimeTzReader(string typeName) : ColumnReader(DuckDbType.TimeTz, typeName)
{
    private const int MaxOffsetSeconds = (16 * 60 * 60) - 1;

    public override Type FieldType => typeof(DateTimeOffset);

    public DateTimeOffset Read(ulong row)
    {
        var bits = ((ulong*)Data)[row];
        var micros = (long)(bits >> 24);
        var offsetSeconds = MaxOffsetSeconds - (int)(bits & 0xFFFFFF);
        return new DateTimeOffset(new DateTime(2000, 1, 1).AddTicks(micros * Temporal.TicksPerMicro), TimeSpan.FromSeconds(offsetSeconds));
    }

    public override object GetValue(ulong row) => Read(row);
}

/// <summary>
/// TIMESTAMP in seconds, milliseconds, microseconds or nanoseconds since the epoch, and TIMESTAMPTZ (microseconds,
/// UTC). Read as <see cref="DateTime"/>: kind Unspecified, or Utc for TIMESTAMPTZ.
/// </summary>
internal sealed unsafe class TimestampReader(DuckDbType type, string typeName) : ColumnReader(type, typeName)
{
    public override Type FieldType => typeof(DateTime);

    public override DateTime GetDateTime(ulong row)
    {
        var raw = ((long*)Data)[row];
        if (raw is long.MaxValue or -long.MaxValue)
        {
            return Temporal.DateTimeFromMicros(raw, Kind);
        }

        if (DuckDbType == DuckDbType.TimestampNs)
        {
            // Whole 100 ns ticks, rounded down before 1970 as after it.
            var ticks = Math.DivRem(raw, 100, out var rest);
            return new DateTime(Temporal.EpochTicks + (rest < 0 ? ticks - 1 : ticks), Kind);
        }

        var micros = DuckDbType switch
        {
            DuckDbType.TimestampS => raw * 1_000_000,
            DuckDbType.TimestampMs => raw * 1_000,
            _ => raw,
        };
        return Temporal.DateTimeFromMicros(micros, Kind);
    }

    private DateTimeKind Kind => DuckDbType == DuckDbType.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified;

    public override object GetValue(ulong row) => GetDateTime(row);
}
