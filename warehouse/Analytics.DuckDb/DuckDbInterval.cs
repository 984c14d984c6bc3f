namespace Analytics.DuckDb;

/// <summary>
/// A DuckDB INTERVAL: months, days and microseconds are kept apart, as DuckDB keeps them, because a month has no fixed
/// length. Convert to <see cref="TimeSpan"/> with <see cref="ToTimeSpan"/> when it has no months.
/// </summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    /// <summary>The interval as a <see cref="TimeSpan"/> (days of 24 hours); throws when it has months.</summary>
    public TimeSpan ToTimeSpan() => Months != 0
        ? throw new InvalidCastException($"The interval {this} has {Months} month(s), which have no fixed length; it cannot be a TimeSpan.")
        : TimeSpan.FromDays(Days) + TimeSpan.FromTicks(Micros * 10);

    /// <summary>An interval of days and microseconds from a <see cref="TimeSpan"/>.</summary>
    public static DuckDbInterval FromTimeSpan(TimeSpan value) =>
        new(0, value.Days, (value.Ticks - (TimeSpan.TicksPerDay * value.Days)) / 10);
}
