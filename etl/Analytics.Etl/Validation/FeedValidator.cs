using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Validation;

/// <summary>
/// Normalises and validates one feed's rows into a <see cref="FeedRecord"/>. A row is quarantined for the first rule
/// it breaks, checked in column order and then across columns. The helpers here are the per-type rules every feed
/// shares (required, dates, numbers, closed lists); identifier and reference rules live in their own classes.
/// </summary>
internal abstract class FeedValidator(FeedContract contract, ValidationContext context)
{
    private char[] scratch = new char[256];

    public FeedContract Contract { get; } = contract;

    protected ValidationContext Context { get; } = context;

    /// <summary>Strings of low-cardinality columns, shared across rows.</summary>
    protected StringPool Pool { get; } = new();

    /// <summary>Called when a file or sheet starts; may refuse the file (e.g. no snapshot date anywhere).</summary>
    public virtual void OnSection(ColumnMap map)
    {
    }

    /// <summary>Normalises and validates the whole row; on failure <paramref name="violation"/> says why.</summary>
    public abstract bool TryRead(in RowValues row, FeedRecord record, ref Violation? violation);

    protected static bool Fail(ref Violation? violation, string rule, int field, ReadOnlySpan<char> value, string what, string todo)
    {
        violation = new Violation(rule, field, value.IsEmpty ? null : value.ToString(), what, todo);
        return false;
    }

    protected bool Missing(ref Violation? violation, int field) =>
        Fail(ref violation, RuleIds.RequiredMissing, field, [], "the value is blank but required",
            $"fill in {Contract.Fields[field].HeaderZh} ({Contract.Fields[field].Description}).");

    protected string FieldName(int field) => Contract.Fields[field].Name;

    /// <summary>A scratch buffer of at least <paramref name="length"/> chars, reused across calls.</summary>
    protected Span<char> Scratch(int length)
    {
        if (scratch.Length < length)
        {
            scratch = new char[Math.Max(length, scratch.Length * 2)];
        }

        return scratch;
    }

    protected ReadOnlySpan<char> FoldValue(ReadOnlySpan<char> text)
    {
        var buffer = Scratch(text.Length);
        return buffer[..TextFolding.FoldValue(text, buffer)];
    }

    protected ReadOnlySpan<char> FoldCode(ReadOnlySpan<char> text)
    {
        var buffer = Scratch(text.Length);
        return buffer[..TextFolding.FoldCode(text, buffer)];
    }

    /// <summary>Free text (names, titles): widths folded, spaces trimmed and collapsed.</summary>
    protected bool ReadText(in RowValues row, FeedRecord record, int field, bool required, bool pooled, ref Violation? violation)
    {
        var text = row[field];
        var buffer = Scratch(text.Length);
        var n = TextFolding.FoldText(text, buffer);
        return SetTextOrNull(record, field, buffer[..n], required, pooled, ref violation);
    }

    /// <summary>A code-like text (certificate numbers, person ids, IPC classes): folded, no spaces, upper case.</summary>
    protected bool ReadCodeText(in RowValues row, FeedRecord record, int field, bool required, bool pooled, ref Violation? violation) =>
        SetTextOrNull(record, field, FoldCode(row[field]), required, pooled, ref violation);

    protected bool ReadDate(in RowValues row, FeedRecord record, int field, bool required, ref Violation? violation)
    {
        var text = FoldValue(row[field]);
        if (text.IsEmpty)
        {
            record.SetNull(field);
            return !required || Missing(ref violation, field);
        }

        if (!DateText.TryParse(text, out var date))
        {
            return Fail(ref violation, RuleIds.DateUnparseable, field, row[field], "not a date",
                "write dates as 2013-04-23 (also accepted: 2013/4/23, 2013年4月23日, 20130423, an Excel date); years 1900–2099.");
        }

        record.SetDate(field, date);
        return true;
    }

    protected bool ReadInteger(in RowValues row, FeedRecord record, int field, bool required, ref Violation? violation)
    {
        var text = FoldValue(row[field]);
        if (text.IsEmpty)
        {
            record.SetNull(field);
            return !required || Missing(ref violation, field);
        }

        if (!NumberText.TryParseInteger(text, out var value) || value is > int.MaxValue or < int.MinValue)
        {
            return Fail(ref violation, RuleIds.NumberUnparseable, field, row[field], "not a whole number", "write a whole number without units, e.g. 35.");
        }

        if (value < 0)
        {
            return Fail(ref violation, RuleIds.NegativeValue, field, row[field], "below zero", "counts cannot be negative; correct the figure.");
        }

        record.SetNumber(field, value);
        return true;
    }

    /// <summary>A year between 1949 and 2099.</summary>
    protected bool ReadYear(in RowValues row, FeedRecord record, int field, ref Violation? violation)
    {
        if (!ReadInteger(row, record, field, true, ref violation))
        {
            return false;
        }

        var year = record.RawNumber(field);
        return year is >= 1949 and <= 2099
            || Fail(ref violation, RuleIds.YearOutOfRange, field, row[field], "not a plausible year", "write the four-digit year, e.g. 2021.");
    }

    protected bool ReadDouble(in RowValues row, FeedRecord record, int field, bool required, ref Violation? violation)
    {
        var text = FoldValue(row[field]);
        if (text.IsEmpty)
        {
            record.SetNull(field);
            return !required || Missing(ref violation, field);
        }

        if (!NumberText.TryParseDouble(text, out var value))
        {
            return Fail(ref violation, RuleIds.NumberUnparseable, field, row[field], "not a number", "write a number, e.g. 12.5.");
        }

        record.SetDouble(field, value);
        return true;
    }

    /// <summary>An answer 是/否/1/0/Y/N; blank is not answered (null).</summary>
    protected bool ReadFlag(in RowValues row, FeedRecord record, int field, ref Violation? violation)
    {
        var text = row[field];
        var buffer = Scratch(text.Length);
        switch (FlagText.Read(buffer[..TextFolding.FoldLookupKey(text, buffer)]))
        {
            case FlagText.Reading.Yes:
                record.SetFlag(field, true);
                return true;
            case FlagText.Reading.No:
                record.SetFlag(field, false);
                return true;
            case FlagText.Reading.NotAnswered:
                record.SetNull(field);
                return true;
            default:
                return Fail(ref violation, RuleIds.FlagUnparseable, field, text, "not an answer",
                    "answer 是 or 否 (1/0 and Y/N are accepted); leave blank when not answered.");
        }
    }

    /// <summary>A value from a closed list, stored in its canonical spelling.</summary>
    protected bool ReadChoice(
        in RowValues row, FeedRecord record, int field, Vocabulary vocabulary, bool required, string unknownRule, ref Violation? violation)
    {
        var text = row[field];
        if (TextFolding.IsBlank(text))
        {
            record.SetNull(field);
            return !required || Missing(ref violation, field);
        }

        if (vocabulary.Find(text) is not { } canonical)
        {
            return Fail(ref violation, unknownRule, field, text, "not one of the accepted values",
                $"use one of {string.Join("/", vocabulary.Values)}.");
        }

        record.SetText(field, canonical);
        return true;
    }

    /// <summary>
    /// An amount in 万元: the header's unit (or one written in the cell) converted, rounded to 2 decimals; negative values
    /// and values above <paramref name="ceiling"/> (probably 元 in a 万元 column) are quarantined, never guessed.
    /// </summary>
    protected bool ReadAmount(
        in RowValues row, FeedRecord record, int field, bool required, decimal ceiling, ref Violation? violation)
    {
        var text = FoldValue(row[field]);
        if (text.IsEmpty)
        {
            record.SetNull(field);
            return !required || Missing(ref violation, field);
        }

        var number = AmountUnits.StripCellUnit(text, out var cellUnit);
        if (!NumberText.TryParseDecimal(number, out var value))
        {
            return Fail(ref violation, RuleIds.NumberUnparseable, field, row[field], "not an amount", "write a number in 万元, e.g. 1234.56.");
        }

        var factor = cellUnit is { } unit ? AmountUnits.ToTenThousandYuan(unit) : row.Factor(field);
        if (factor != 1m)
        {
            value *= factor;
        }

        if (value < 0)
        {
            return Fail(ref violation, RuleIds.NegativeValue, field, row[field], "below zero", "amounts cannot be negative; correct the figure.");
        }

        if (value > ceiling)
        {
            return Fail(ref violation, RuleIds.AmountUnitSuspect, field, row[field],
                $"{value:0.##} 万元 is above the plausible ceiling of {ceiling:N0} 万元 — probably entered in 元",
                "check the unit: give the figure in 万元, or state 元 in the header (e.g. 营业收入(元)).");
        }

        record.SetAmount(field, NumberText.RoundAmount(value));
        return true;
    }

    private bool SetTextOrNull(FeedRecord record, int field, ReadOnlySpan<char> text, bool required, bool pooled, ref Violation? violation)
    {
        if (text.IsEmpty)
        {
            record.SetNull(field);
            return !required || Missing(ref violation, field);
        }

        record.SetText(field, pooled ? Pool.Get(text) : new string(text));
        return true;
    }
}
