namespace Analytics.Dashboard.Exports;

/// <summary>One cell of an <see cref="ExportTable"/>: a text, or a number with its Excel number format, or nothing.</summary>
/// <param name="Text">The text (text columns).</param>
/// <param name="Number">The number (integer and number columns).</param>
/// <param name="Format">The Excel number format of <see cref="Number"/>, e.g. <c>0.0%</c>.</param>
/// <param name="Withheld">The number is withheld from this reader (the cell stays empty, with the table's note).</param>
public readonly record struct ExportCell(string? Text, double? Number, string? Format, bool Withheld = false)
{
    /// <summary>An empty cell.</summary>
    public static readonly ExportCell Empty;

    /// <summary>A text cell.</summary>
    public static ExportCell Of(string? text) => new(text, null, null);

    /// <summary>A number cell (empty when <paramref name="number"/> is null).</summary>
    public static ExportCell Of(double? number, string format) => new(null, number, format);
}
