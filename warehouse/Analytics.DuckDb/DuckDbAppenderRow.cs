using Analytics.DuckDb.Appending;

namespace Analytics.DuckDb;

/// <summary>
/// One row being appended: call an <c>Append</c> per column in order, then <see cref="EndRow"/>. A value of a type the
/// column cannot hold throws before anything is written, and the row is discarded.
/// </summary>
public readonly struct DuckDbAppenderRow : IEquatable<DuckDbAppenderRow>
{
    private readonly DuckDbAppender _appender;

    internal DuckDbAppenderRow(DuckDbAppender appender) => _appender = appender;

    /// <summary>Appends NULL.</summary>
    public DuckDbAppenderRow AppendNull() => Write(static (w, r) => w.WriteNull(r));

    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDbAppenderRow Append(bool value) => Write(value, static (w, r, v) => w.WriteBoolean(r, v));

    /// <summary>Appends an integer (to any integer, floating or DECIMAL column, range-checked).</summary>
    public DuckDbAppenderRow Append(long value) => Write(value, static (w, r, v) => w.WriteInt64(r, v));

    /// <summary>Appends an integer.</summary>
    public DuckDbAppenderRow Append(int value) => Append((long)value);

    /// <summary>Appends an unsigned integer.</summary>
    public DuckDbAppenderRow Append(ulong value) => Write(value, static (w, r, v) => w.WriteUInt64(r, v));

    /// <summary>Appends a 128-bit integer (HUGEINT).</summary>
    public DuckDbAppenderRow Append(Int128 value) => Write(value, static (w, r, v) => w.WriteInt128(r, v));

    /// <summary>Appends a DOUBLE or FLOAT.</summary>
    public DuckDbAppenderRow Append(double value) => Write(value, static (w, r, v) => w.WriteDouble(r, v));

    /// <summary>Appends a DECIMAL (which must not need rounding to the column's scale).</summary>
    public DuckDbAppenderRow Append(decimal value) => Write(value, static (w, r, v) => w.WriteDecimal(r, v));

    /// <summary>Appends a VARCHAR; null appends NULL.</summary>
    public DuckDbAppenderRow Append(string? value) => value is null ? AppendNull() : Write(value, static (w, r, v) => w.WriteString(r, v));

    /// <summary>Appends a BLOB; null appends NULL.</summary>
    public DuckDbAppenderRow Append(byte[]? value) => value is null ? AppendNull() : Write(value, static (w, r, v) => w.WriteBytes(r, v));

    /// <summary>Appends a DATE.</summary>
    public DuckDbAppenderRow Append(DateOnly value) => Write(value, static (w, r, v) => w.WriteDate(r, v));

    /// <summary>Appends a TIMESTAMP (or a DATE when the time of day is midnight).</summary>
    public DuckDbAppenderRow Append(DateTime value) => Write(value, static (w, r, v) => w.WriteDateTime(r, v));

    /// <summary>Appends a TIMESTAMPTZ.</summary>
    public DuckDbAppenderRow Append(DateTimeOffset value) => Append(value.UtcDateTime);

    /// <summary>Appends a TIME.</summary>
    public DuckDbAppenderRow Append(TimeOnly value) => Write(value, static (w, r, v) => w.WriteTime(r, v));

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppenderRow Append(DuckDbInterval value) => Write(value, static (w, r, v) => w.WriteInterval(r, v));

    /// <summary>Appends an INTERVAL of days and microseconds.</summary>
    public DuckDbAppenderRow Append(TimeSpan value) => Append(DuckDbInterval.FromTimeSpan(value));

    /// <summary>Appends a UUID.</summary>
    public DuckDbAppenderRow Append(Guid value) => Write(value, static (w, r, v) => w.WriteGuid(r, v));

    /// <summary>Appends a nullable value: null appends NULL.</summary>
    public DuckDbAppenderRow Append<T>(T? value)
        where T : struct => value.HasValue ? AppendObject(value.Value) : AppendNull();

    /// <summary>Appends a boxed value, dispatching on its runtime type.</summary>
    public DuckDbAppenderRow AppendObject(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        sbyte v => Append(v),
        byte v => Append(v),
        short v => Append(v),
        ushort v => Append(v),
        int v => Append(v),
        uint v => Append(v),
        long v => Append(v),
        ulong v => Append(v),
        Int128 v => Append(v),
        float v => Append(v),
        double v => Append(v),
        decimal v => Append(v),
        string v => Append(v),
        byte[] v => Append(v),
        DateOnly v => Append(v),
        DateTime v => Append(v),
        DateTimeOffset v => Append(v),
        TimeOnly v => Append(v),
        TimeSpan v => Append(v),
        DuckDbInterval v => Append(v),
        Guid v => Append(v),
        _ => Fail(value),
    };

    /// <summary>Completes the row; throws (and discards it) when it has fewer values than the table has columns.</summary>
    public void EndRow() => _appender.EndRow();

    /// <inheritdoc />
    public bool Equals(DuckDbAppenderRow other) => ReferenceEquals(_appender, other._appender);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DuckDbAppenderRow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _appender?.GetHashCode() ?? 0;

    /// <summary>Same appender.</summary>
    public static bool operator ==(DuckDbAppenderRow left, DuckDbAppenderRow right) => left.Equals(right);

    /// <summary>Different appenders.</summary>
    public static bool operator !=(DuckDbAppenderRow left, DuckDbAppenderRow right) => !left.Equals(right);

    private DuckDbAppenderRow Fail(object value)
    {
        _appender.DiscardRow();
        throw new InvalidCastException($"Cannot append a value of type {value.GetType().FullName}; DuckDB has no column type for it.");
    }

    private DuckDbAppenderRow Write(Action<ColumnWriter, int> write)
    {
        var writer = _appender.NextColumn();
        write(writer, _appender.CurrentRow);
        return this;
    }

    private DuckDbAppenderRow Write<T>(T value, Action<ColumnWriter, int, T> write)
    {
        var writer = _appender.NextColumn();
        try
        {
            write(writer, _appender.CurrentRow, value);
        }
        catch
        {
            _appender.DiscardRow();
            throw;
        }

        return this;
    }
}
