using System.Globalization;

namespace Analytics.Catalog;

/// <summary>What a target version must be to be recorded (and to be built): checked once, here, for every writer.</summary>
public static class TargetRules
{
    /// <summary>At most this many rows in one version (the plans have one per year at most).</summary>
    public const int MaxRows = 50;

    /// <summary>The longest source document reference or reason kept.</summary>
    public const int MaxText = 500;

    /// <summary>The comparators a plan's wording maps to: 达到/以上 (reach) and 超过/突破 (exceed).</summary>
    public static IReadOnlyList<string> Comparators { get; } = [">=", ">"];

    /// <summary>Throws <see cref="TargetRevisionException"/> naming the first thing wrong with <paramref name="version"/>.</summary>
    public static void Check(TargetVersion version, string where)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!TargetCatalog.Indicators.TryGetValue(version.IndicatorId, out var facts))
        {
            throw new TargetRevisionException($"{where}: '{version.IndicatorId}' is not an indicator of the catalog (Analytics.Catalog/indicators.csv).");
        }

        if (facts.Plan != version.Plan)
        {
            throw new TargetRevisionException($"{where}: {version.IndicatorId} belongs to plan {facts.Plan}, not {version.Plan}.");
        }

        Text(version.SourceDocument, "the source document (the plan or the notice that revised it)", where, required: true);
        Text(version.RecordedBy, "who recorded it", where, required: true);
        Text(version.Reason, "the reason", where, required: false);
        if (version.Rows.Count is 0 or > MaxRows)
        {
            throw new TargetRevisionException($"{where}: a target version has 1 to {MaxRows} rows; this one has {version.Rows.Count}.");
        }

        var seen = new HashSet<(string, int)>();
        foreach (var (row, i) in version.Rows.Select((r, i) => (r, i + 1)))
        {
            var at = $"{where}, {version.IndicatorId} row {i}";
            if (row.Scope is not ("city" or "every_cell") && !(row.Scope.Length == 6 && row.Scope.All(char.IsAsciiDigit)))
            {
                throw new TargetRevisionException($"{at}: scope '{row.Scope}' is not 'city', 'every_cell' or a 6-digit district code.");
            }

            if (row.TargetYear < facts.FirstYear || row.TargetYear > facts.LastYear)
            {
                throw new TargetRevisionException($"{at}: target year {row.TargetYear} is outside plan {facts.Plan}'s years {facts.FirstYear}–{facts.LastYear}.");
            }

            if (row.BaselineYear is { } b && (b >= row.TargetYear || b < facts.FirstYear))
            {
                throw new TargetRevisionException($"{at}: baseline year {b} must be before the target year {row.TargetYear} and not before {facts.FirstYear}.");
            }

            if (!double.IsFinite(row.Value) || row.Value <= 0)
            {
                throw new TargetRevisionException($"{at}: the target value must be a number above 0, not {row.Value.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (facts.Kind == "adoption" && row.Value > 1)
            {
                throw new TargetRevisionException($"{at}: {version.IndicatorId} is a share; give it between 0 and 1 (0.45 for 45%), not {row.Value.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (!Comparators.Contains(row.Comparator, StringComparer.Ordinal))
            {
                throw new TargetRevisionException($"{at}: comparator '{row.Comparator}' is not one of {string.Join(" ", Comparators)}.");
            }

            if (!seen.Add((row.Scope, row.TargetYear)))
            {
                throw new TargetRevisionException($"{at}: a second target for scope {row.Scope} and year {row.TargetYear}.");
            }

            Text(row.Note, "the note", at, required: false);
        }
    }

    private static void Text(string? text, string what, string where, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            throw new TargetRevisionException($"{where}: {what} is required.");
        }

        if (text is { Length: > MaxText })
        {
            throw new TargetRevisionException($"{where}: {what} is longer than {MaxText} characters.");
        }

        if (text is not null && text.Any(char.IsControl))
        {
            throw new TargetRevisionException($"{where}: {what} contains control characters (line breaks, tabs).");
        }
    }
}
