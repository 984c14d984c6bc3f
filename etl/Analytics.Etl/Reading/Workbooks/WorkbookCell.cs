namespace Analytics.Etl.Reading.Workbooks;

/// <summary>What a workbook cell holds.</summary>
internal enum WorkbookCellKind
{
    /// <summary>No cell, no value, or an error value (#N/A, #DIV/0!).</summary>
    Empty,

    /// <summary>Text: a shared, inline or formula string.</summary>
    Text,

    /// <summary>A number without a date format.</summary>
    Number,

    /// <summary>A number with a date format, or an ISO date cell.</summary>
    Date,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,
}

/// <summary>One cell as the reader saw it; numbers are kept as numbers so they are written back in one canonical form.</summary>
internal readonly record struct WorkbookCell(WorkbookCellKind Kind, string? Text = null, double Number = 0, DateTime Date = default)
{
    public static readonly WorkbookCell Empty = new(WorkbookCellKind.Empty);

    public static WorkbookCell OfText(string text) => new(WorkbookCellKind.Text, text);

    public static WorkbookCell OfNumber(double number) => new(WorkbookCellKind.Number, Number: number);

    public static WorkbookCell OfDate(DateTime date) => new(WorkbookCellKind.Date, Date: date);

    public static WorkbookCell OfBoolean(bool value) => new(WorkbookCellKind.Boolean, Number: value ? 1 : 0);

    /// <summary>True for no value or an empty string (trailing ones are formatting, not data).</summary>
    public bool IsEmpty => Kind == WorkbookCellKind.Empty || (Kind == WorkbookCellKind.Text && Text!.Length == 0);
}
