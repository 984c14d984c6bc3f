namespace Analytics.DuckDb.Tests;

public sealed class TemporalTypeTests
{
    public static TheoryData<string> Dates => new() { "0001-01-01", "9999-12-31", "1969-12-31", "1970-01-01", "2000-02-29", "2024-12-31" };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Date_reads_as_DateOnly_and_as_DateTime_at_midnight(string text)
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow($"SELECT DATE '{text}'");

        var expected = DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((object)expected, r.GetValue(0));
        Assert.Equal(expected, r.GetFieldValue<DateOnly>(0));
        Assert.Equal(expected, r.GetFieldValue<DateOnly?>(0));
        Assert.Equal(expected.ToDateTime(TimeOnly.MinValue), r.GetDateTime(0));
        Assert.Equal(expected.ToDateTime(TimeOnly.MinValue), r.GetFieldValue<DateTime>(0));
        Assert.Equal(expected.ToDateTime(TimeOnly.MinValue), r.GetFieldValue<DateTime?>(0));
        Assert.Equal(typeof(DateOnly), r.GetFieldType(0));
    }

    [Fact]
    public void Date_infinities_map_to_the_extremes_of_DateOnly_and_DateTime()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT 'infinity'::DATE, '-infinity'::DATE");

        Assert.Equal(DateOnly.MaxValue, r.GetFieldValue<DateOnly>(0));
        Assert.Equal(DateOnly.MinValue, r.GetFieldValue<DateOnly>(1));
        Assert.Equal(DateTime.MaxValue, r.GetDateTime(0));
        Assert.Equal(DateTime.MinValue, r.GetFieldValue<DateTime>(1));
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.999999")]
    [InlineData("1969-12-31 23:59:59.999999")]
    [InlineData("1900-01-01 12:00:00.5")]
    [InlineData("2024-02-29 12:34:56.123456")]
    public void Timestamp_reads_as_DateTime_of_unspecified_kind_to_the_microsecond(string text)
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow($"SELECT TIMESTAMP '{text}'");

        var expected = DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var value = r.GetDateTime(0);
        Assert.Equal(expected, value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
        Assert.Equal((object)expected, r.GetValue(0));
        Assert.Equal(expected, r.GetFieldValue<DateTime?>(0));
        Assert.Equal(DateOnly.FromDateTime(expected), r.GetFieldValue<DateOnly>(0));
        Assert.Equal("TIMESTAMP", r.GetDataTypeName(0));
    }

    [Fact]
    public void Timestamp_infinities_map_to_DateTime_extremes()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT 'infinity'::TIMESTAMP, '-infinity'::TIMESTAMP, 'infinity'::TIMESTAMPTZ");

        Assert.Equal(DateTime.MaxValue, r.GetDateTime(0));
        Assert.Equal(DateTime.MinValue, r.GetDateTime(1));
        Assert.Equal(DateTime.MaxValue, r.GetDateTime(2));
        Assert.Equal(DateTimeKind.Utc, r.GetDateTime(2).Kind);
    }

    [Fact]
    public void Timestamps_in_seconds_milliseconds_and_nanoseconds_read_as_DateTime()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(
            "SELECT '2024-02-29 12:34:56'::TIMESTAMP_S, '2024-02-29 12:34:56.789'::TIMESTAMP_MS, " +
            "'2024-02-29 12:34:56.123456789'::TIMESTAMP_NS, '1969-12-31 23:59:59.123456789'::TIMESTAMP_NS, '1969-12-31 23:59:59.9999999'::TIMESTAMP_NS");

        var second = new DateTime(2024, 2, 29, 12, 34, 56);
        Assert.Equal(second, r.GetDateTime(0));
        Assert.Equal(second.AddMilliseconds(789), r.GetDateTime(1));

        // DateTime holds 100 ns ticks: the last two digits of nanoseconds are cut off, before and after 1970 alike.
        Assert.Equal(second.AddTicks(1_234_567), r.GetDateTime(2));
        Assert.Equal(new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(1_234_567), r.GetDateTime(3));
        Assert.Equal(new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(9_999_999), r.GetDateTime(4));
        Assert.Equal("TIMESTAMP_S", r.GetDataTypeName(0));
        Assert.Equal("TIMESTAMP_MS", r.GetDataTypeName(1));
        Assert.Equal("TIMESTAMP_NS", r.GetDataTypeName(2));
    }

    [Fact]
    public void Timestamptz_reads_as_utc_DateTime_and_as_DateTimeOffset()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT '2024-01-02 03:04:05.25+08'::TIMESTAMPTZ");

        var expected = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 250, TimeSpan.FromHours(8)).UtcDateTime;
        var value = r.GetDateTime(0);
        Assert.Equal(expected, value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(new DateTimeOffset(expected), r.GetFieldValue<DateTimeOffset>(0));
        Assert.Equal("TIMESTAMP WITH TIME ZONE", r.GetDataTypeName(0));
    }

    [Fact]
    public void Time_reads_as_TimeOnly_and_TimeSpan()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT TIME '00:00:00', TIME '23:59:59.999999', TIME '12:34:56.789', NULL::TIME");

        Assert.Equal((object)TimeOnly.MinValue, r.GetValue(0));
        Assert.Equal(new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_990)), r.GetFieldValue<TimeOnly>(1));
        Assert.Equal(new TimeSpan(0, 12, 34, 56, 789), r.GetFieldValue<TimeSpan>(2));
        Assert.Null(r.GetFieldValue<TimeOnly?>(3));
        Assert.Equal(typeof(TimeOnly), r.GetFieldType(0));
    }

    [Fact]
    public void Time_with_time_zone_reads_as_DateTimeOffset_with_its_offset()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT TIMETZ '12:34:56+05:30'");

        var value = r.GetFieldValue<DateTimeOffset>(0);
        Assert.Equal(new TimeSpan(12, 34, 56), value.TimeOfDay);
        Assert.Equal(new TimeSpan(5, 30, 0), value.Offset);
    }

    [Fact]
    public void Interval_keeps_months_days_and_micros_and_converts_to_TimeSpan_without_months()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(
            "SELECT INTERVAL '1 day 2 hours 3 minutes 4.5 seconds', INTERVAL '-36 hours', INTERVAL '14 months 3 days', NULL::INTERVAL");

        var micros = (long)new TimeSpan(0, 2, 3, 4, 500).TotalMicroseconds;
        Assert.Equal((object)new DuckDbInterval(0, 1, micros), r.GetValue(0));
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), r.GetFieldValue<TimeSpan>(0));
        Assert.Equal(TimeSpan.FromHours(-36), r.GetFieldValue<TimeSpan>(1));
        Assert.Equal(new DuckDbInterval(14, 3, 0), r.GetFieldValue<DuckDbInterval>(2));

        var ex = Assert.Throws<InvalidCastException>(() => r.GetFieldValue<TimeSpan>(2));
        Assert.Contains("month", ex.Message, StringComparison.Ordinal);
        Assert.Null(r.GetFieldValue<DuckDbInterval?>(3));
        Assert.Equal(typeof(DuckDbInterval), r.GetFieldType(0));
    }

    [Fact]
    public void Interval_TimeSpan_conversions_are_inverse()
    {
        var span = new TimeSpan(-3, -4, -5, -6, -7) + TimeSpan.FromTicks(-80);
        var interval = DuckDbInterval.FromTimeSpan(span);

        Assert.Equal(0, interval.Months);
        Assert.Equal(span.Days, interval.Days);
        Assert.Equal(span, interval.ToTimeSpan());
    }
}
