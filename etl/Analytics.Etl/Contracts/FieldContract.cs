namespace Analytics.Etl.Contracts;

/// <summary>
/// One canonical column of a feed: its name in the lake, its type, whether a value is required, and the header texts
/// (Chinese and English) a supplier may use for it. Header matching ignores case, spaces, full-width forms and a unit
/// in brackets (<c>营业收入(万元)</c>); see <see cref="Reading.HeaderKey"/>.
/// </summary>
public sealed class FieldContract
{
    /// <summary>Creates a field.</summary>
    /// <param name="name">Canonical snake_case name, e.g. <c>credit_code</c>.</param>
    /// <param name="type">Normalised type.</param>
    /// <param name="required">True when every accepted row has a value.</param>
    /// <param name="headerZh">The Chinese header the sample generator writes, e.g. <c>统一社会信用代码</c>.</param>
    /// <param name="description">One line for the supplier's documentation.</param>
    /// <param name="aliases">Further accepted headers; the canonical name and <paramref name="headerZh"/> are always accepted.</param>
    public FieldContract(string name, FieldType type, bool required, string headerZh, string description, params string[] aliases)
    {
        Name = name;
        Type = type;
        Required = required;
        HeaderZh = headerZh;
        Description = description;
        Aliases = [headerZh, name, .. aliases];
    }

    /// <summary>Canonical column name in the lake.</summary>
    public string Name { get; }

    /// <summary>Normalised type.</summary>
    public FieldType Type { get; }

    /// <summary>True when an accepted row always has a value (a blank is quarantined as <c>required_missing</c>).</summary>
    public bool Required { get; }

    /// <summary>
    /// True when a file without this column is refused. Defaults to <see cref="Required"/>; a required field with a
    /// fallback (registry <c>as_of</c> from the file name, recognitions <c>batch</c> from the sheet name) sets it false.
    /// </summary>
    public bool ColumnRequired { get; init; } = true;

    /// <summary>The Chinese header the sample generator writes.</summary>
    public string HeaderZh { get; }

    /// <summary>One line for the supplier's documentation (units, allowed values).</summary>
    public string Description { get; }

    /// <summary>Accepted headers in order of preference: when two columns match one field, the earlier alias wins.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The DuckDB type of the column in the lake.</summary>
    public string DuckDbType => FieldTypes.DuckDbType(Type);

    /// <summary>The CLR type of a value.</summary>
    public Type ClrType => FieldTypes.ClrType(Type);

    /// <summary>True when a missing column refuses the file.</summary>
    public bool RefusesFileWhenAbsent => Required && ColumnRequired;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({HeaderZh})";
}
