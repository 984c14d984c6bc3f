namespace Analytics.Dashboard.Exports;

/// <summary>What a column holds: text, whole numbers, or numbers (each cell with its own number format).</summary>
public enum ExportKind
{
    /// <summary>Text: names, codes, a status.</summary>
    Text,

    /// <summary>Whole numbers: a year, a count of enterprises.</summary>
    Integer,

    /// <summary>Numbers shown with a format from the indicator's catalog row.</summary>
    Number,
}

/// <summary>A column of an <see cref="ExportTable"/>.</summary>
/// <param name="Name">The machine name: the mart's (or the catalog's) column it comes from.</param>
/// <param name="Header">The header in the reader's language.</param>
/// <param name="Kind">What its cells hold.</param>
public sealed record ExportColumn(string Name, string Header, ExportKind Kind);
