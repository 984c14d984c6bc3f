namespace Analytics.Etl.Contracts;

/// <summary>
/// One accepted row, typed and aligned with its <see cref="FeedContract.Fields"/>. The loader reuses one instance per
/// file: read the values inside <see cref="IFeedSink.Accept"/> and copy what you keep (<see cref="ToValues"/> copies).
/// Typed getters do not box; <see cref="GetValue"/> does.
/// </summary>
public sealed class FeedRecord
{
    private readonly string?[] texts;
    private readonly long[] numbers;
    private readonly decimal[] amounts;
    private readonly double[] doubles;
    private readonly string[]?[] lists;
    private readonly bool[] present;
    private readonly List<NormalisationNote> notes = [];

    /// <summary>Creates an empty record for <paramref name="contract"/>.</summary>
    public FeedRecord(FeedContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
        var n = contract.Fields.Count;
        texts = new string?[n];
        numbers = new long[n];
        amounts = new decimal[n];
        doubles = new double[n];
        lists = new string[n][];
        present = new bool[n];
    }

    /// <summary>The schema the values follow.</summary>
    public FeedContract Contract { get; }

    /// <summary>Number of fields (the contract's).</summary>
    public int FieldCount => present.Length;

    /// <summary>The file the row came from.</summary>
    public string SourceFile { get; internal set; } = "";

    /// <summary>The worksheet, for workbooks; null otherwise.</summary>
    public string? Sheet { get; internal set; }

    /// <summary>1-based row (CSV/JSON Lines: line; XLSX: sheet row) where the row starts.</summary>
    public long RowNumber { get; internal set; }

    /// <summary>What normalisation changed in this row beyond folding widths and spaces (e.g. O typed for zero).</summary>
    public IReadOnlyList<NormalisationNote> Notes => notes;

    /// <summary>True when field <paramref name="field"/> has no value (SQL NULL).</summary>
    public bool IsNull(int field) => !present[field];

    /// <summary>A text field's value.</summary>
    public string GetString(int field) => texts[field] ?? throw NullValue(field);

    /// <summary>An integer field's value.</summary>
    public int GetInt32(int field) => present[field] ? (int)numbers[field] : throw NullValue(field);

    /// <summary>An amount field's value, in 万元 rounded to two decimals.</summary>
    public decimal GetDecimal(int field) => present[field] ? amounts[field] : throw NullValue(field);

    /// <summary>A double field's value.</summary>
    public double GetDouble(int field) => present[field] ? doubles[field] : throw NullValue(field);

    /// <summary>A date field's value.</summary>
    public DateOnly GetDate(int field) => present[field] ? DateOnly.FromDayNumber((int)numbers[field]) : throw NullValue(field);

    /// <summary>A flag field's value.</summary>
    public bool GetBoolean(int field) => present[field] ? numbers[field] != 0 : throw NullValue(field);

    /// <summary>A text-list field's value (do not modify; the array belongs to this row).</summary>
    public IReadOnlyList<string> GetStringList(int field) => lists[field] ?? throw NullValue(field);

    /// <summary>The value boxed as <see cref="FieldContract.ClrType"/>, or null.</summary>
    public object? GetValue(int field)
    {
        if (!present[field])
        {
            return null;
        }

        return Contract.Fields[field].Type switch
        {
            FieldType.Text => texts[field],
            FieldType.Integer => (int)numbers[field],
            FieldType.Amount => amounts[field],
            FieldType.Double => doubles[field],
            FieldType.Date => DateOnly.FromDayNumber((int)numbers[field]),
            FieldType.Flag => numbers[field] != 0,
            FieldType.TextList => lists[field],
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>A copy of every value in contract order (boxed; for tests and small feeds).</summary>
    public object?[] ToValues()
    {
        var values = new object?[FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetValue(i);
        }

        return values;
    }

    internal void Clear()
    {
        Array.Clear(present);
        Array.Clear(texts);
        Array.Clear(lists);
        if (notes.Count > 0)
        {
            notes.Clear();
        }
    }

    internal void SetNull(int field)
    {
        present[field] = false;
        texts[field] = null;
        lists[field] = null;
    }

    internal void SetText(int field, string value)
    {
        texts[field] = value;
        present[field] = true;
    }

    internal void SetNumber(int field, long value)
    {
        numbers[field] = value;
        present[field] = true;
    }

    internal void SetDate(int field, DateOnly value) => SetNumber(field, value.DayNumber);

    internal void SetFlag(int field, bool value) => SetNumber(field, value ? 1 : 0);

    internal void SetAmount(int field, decimal value)
    {
        amounts[field] = value;
        present[field] = true;
    }

    internal void SetDouble(int field, double value)
    {
        doubles[field] = value;
        present[field] = true;
    }

    internal void SetList(int field, string[] value)
    {
        lists[field] = value;
        present[field] = true;
    }

    internal long RawNumber(int field) => numbers[field];

    internal string? RawText(int field) => texts[field];

    internal void AddNote(NormalisationNote note) => notes.Add(note);

    private InvalidOperationException NullValue(int field) =>
        new($"Field {Contract.Fields[field].Name} is null in {SourceFile} row {RowNumber}; check IsNull first.");
}
