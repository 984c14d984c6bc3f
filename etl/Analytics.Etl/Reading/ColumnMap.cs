using Analytics.Etl.Contracts;

namespace Analytics.Etl.Reading;

/// <summary>
/// Where each canonical field sits in a source's columns, with the header text and the unit factor read from the header.
/// Built once per file (CSV) or sheet (XLSX); JSON Lines rows are already in contract order.
/// </summary>
public sealed class ColumnMap
{
    internal ColumnMap(FeedContract contract, int[] sourceIndex, decimal[] factors, string?[] headers, int columnCount)
    {
        Contract = contract;
        SourceIndex = sourceIndex;
        Factors = factors;
        HeaderByField = headers;
        ColumnCount = columnCount;
    }

    /// <summary>The contract the map serves.</summary>
    public FeedContract Contract { get; }

    /// <summary>For each field, the 0-based source column, or -1 when the source has no such column.</summary>
    public IReadOnlyList<int> SourceIndexByField => SourceIndex;

    /// <summary>For each amount field, the factor to 万元 from the header's unit (1 when none).</summary>
    public IReadOnlyList<decimal> FactorByField => Factors;

    internal int[] SourceIndex { get; }

    internal decimal[] Factors { get; }

    /// <summary>For each field, the source header text, or null.</summary>
    public IReadOnlyList<string?> HeaderByField { get; }

    /// <summary>Columns in the header row.</summary>
    public int ColumnCount { get; }

    /// <summary>The source header of <paramref name="field"/> (or its canonical name) for messages.</summary>
    public string ColumnLabel(int field) =>
        HeaderByField[field] is { } h ? $"{h}" : Contract.Fields[field].Name;

    /// <summary>A map whose source columns are the contract's fields in order (JSON Lines).</summary>
    internal static ColumnMap Identity(FeedContract contract)
    {
        var n = contract.Fields.Count;
        var index = new int[n];
        var factors = new decimal[n];
        var headers = new string?[n];
        for (var i = 0; i < n; i++)
        {
            index[i] = i;
            factors[i] = 1m;
        }

        return new ColumnMap(contract, index, factors, headers, n);
    }
}
