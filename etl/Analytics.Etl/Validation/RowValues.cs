using Analytics.Etl.Reading;

namespace Analytics.Etl.Validation;

/// <summary>A source row seen through its column map: field values by canonical index.</summary>
internal readonly struct RowValues(SourceRow row, ColumnMap map)
{
    private readonly int[] index = map.SourceIndex;
    private readonly decimal[] factors = map.Factors;

    public SourceRow Row { get; } = row;

    public ColumnMap Map { get; } = map;

    /// <summary>The text of <paramref name="field"/>; empty when the source has no such column.</summary>
    public ReadOnlySpan<char> this[int field] => index[field] is var i and >= 0 ? Row.Field(i) : [];

    /// <summary>True when the source has a column for <paramref name="field"/>.</summary>
    public bool HasColumn(int field) => index[field] >= 0;

    /// <summary>The header's unit factor to 万元 for <paramref name="field"/>.</summary>
    public decimal Factor(int field) => factors[field];
}
