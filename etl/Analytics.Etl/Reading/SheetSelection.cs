namespace Analytics.Etl.Reading;

/// <summary>
/// Which sheets of a workbook carry the feed: every sheet (the default: a sheet with content but no recognisable header
/// refuses the file), every sheet with a header (others, e.g. a 说明 or 填表说明 sheet, are skipped with a warning), or one
/// sheet by its name or its 1-based position in the workbook's tab order. Set per source (<c>"sheets"</c> in the
/// sources configuration); ignored for CSV and JSON Lines.
/// </summary>
public sealed record SheetSelection
{
    /// <summary>Every sheet; a sheet without a recognisable header refuses the file.</summary>
    public static SheetSelection All { get; } = new();

    /// <summary>Every sheet with a recognisable header; the others are skipped with a warning.</summary>
    public static SheetSelection WithHeader { get; } = new() { SkipWithoutHeader = true };

    /// <summary>Only the sheet called <paramref name="name"/>.</summary>
    public static SheetSelection Named(string name) => new() { Name = name };

    /// <summary>Only the sheet at 1-based <paramref name="index"/> in the tab order.</summary>
    public static SheetSelection At(int index) => new() { Index = index };

    /// <summary>True to skip sheets without a recognisable header instead of refusing the file.</summary>
    public bool SkipWithoutHeader { get; init; }

    /// <summary>The one sheet to read, by name (compared after trimming spaces).</summary>
    public string? Name { get; init; }

    /// <summary>The one sheet to read, by 1-based position.</summary>
    public int? Index { get; init; }

    /// <summary>True when the sheet at 1-based <paramref name="index"/> called <paramref name="name"/> is to be read.</summary>
    public bool Reads(int index, string name) =>
        Name is { } wanted ? string.Equals(wanted.Trim(), name.Trim(), StringComparison.Ordinal)
        : Index is not { } at || at == index;

    /// <summary>True when one sheet is chosen (by name or position).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOneSheet => Name is not null || Index is not null;

    /// <inheritdoc />
    public override string ToString() =>
        Name is { } n ? $"the sheet named '{n}'" : Index is { } i ? $"sheet {i}" : SkipWithoutHeader ? "every sheet with a header" : "every sheet";
}
