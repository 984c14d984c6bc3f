using System.Globalization;
using Analytics.Reference;

namespace Analytics.Catalog;

/// <summary>
/// The targets the plans set (Analytics.Catalog/targets.csv, as version 1 and any later catalog versions) and the indicators
/// they may be set for (Analytics.Catalog/indicators.csv, Analytics.Catalog/plans.csv) — what a revision is checked against.
/// </summary>
public static class TargetCatalog
{
    /// <summary>Who recorded the catalog's versions: the file itself.</summary>
    public const string CatalogAuthor = "Analytics.Catalog/targets.csv";

    private static readonly Lazy<IReadOnlyList<TargetVersion>> CatalogVersions = new(ReadVersions);
    private static readonly Lazy<IReadOnlyDictionary<string, IndicatorFacts>> IndicatorTable = new(ReadIndicators);

    /// <summary>An indicator a target can be set for: its plan, kind and the plan's years.</summary>
    public sealed record IndicatorFacts(string IndicatorId, string Plan, string Kind, string NameZh, string? NameEn, int FirstYear, int LastYear);

    /// <summary>Every version the catalog holds, by plan, indicator and version.</summary>
    public static IReadOnlyList<TargetVersion> Versions => CatalogVersions.Value;

    /// <summary>Every catalogued indicator by id.</summary>
    public static IReadOnlyDictionary<string, IndicatorFacts> Indicators => IndicatorTable.Value;

    private static List<TargetVersion> ReadVersions()
    {
        var (header, rows) = SmallCsv.Parse(CatalogFiles.Read("targets.csv"), "Analytics.Catalog/targets.csv");
        int Col(string name) => header.ToList().IndexOf(name) is var i and >= 0 ? i
            : throw new InvalidDataException($"Analytics.Catalog/targets.csv has no column '{name}'.");
        var (version, plan, id, scope, baseline, year, value, comparator, source, note) = (Col("version"), Col("plan"),
            Col("indicator_id"), Col("scope"), Col("baseline_year"), Col("target_year"), Col("value"), Col("comparator"),
            Col("source_document"), Col("note"));
        return rows
            .Select((r, i) => (Row: r, Line: i + 2))
            .GroupBy(r => (Plan: r.Row[plan], Id: r.Row[id], Version: Int(r.Row[version], r.Line) ?? 1))
            .Select(g => new TargetVersion(g.Key.Plan, g.Key.Id, g.Key.Version,
                [.. g.Select(r => new TargetRow(r.Row[scope], Int(r.Row[baseline], r.Line), Int(r.Row[year], r.Line) ?? 0,
                    double.Parse(r.Row[value], CultureInfo.InvariantCulture), r.Row[comparator], Empty(r.Row[note])))],
                g.Select(r => r.Row[source]).First(), CatalogAuthor, null, null))
            .OrderBy(v => v.Plan, StringComparer.Ordinal).ThenBy(v => v.IndicatorId, StringComparer.Ordinal).ThenBy(v => v.Version)
            .ToList();
    }

    private static Dictionary<string, IndicatorFacts> ReadIndicators()
    {
        var (planHeader, planRows) = SmallCsv.Parse(CatalogFiles.Read("plans.csv"), "Analytics.Catalog/plans.csv");
        var plans = planRows.ToDictionary(
            r => r[planHeader.ToList().IndexOf("plan")],
            r => (First: Int(r[planHeader.ToList().IndexOf("first_report_year")], 0) ?? 0, Last: Int(r[planHeader.ToList().IndexOf("last_report_year")], 0) ?? 0),
            StringComparer.Ordinal);
        var (header, rows) = SmallCsv.Parse(CatalogFiles.Read("indicators.csv"), "Analytics.Catalog/indicators.csv");
        var h = header.ToList();
        return rows.ToDictionary(
            r => r[h.IndexOf("id")],
            r =>
            {
                var plan = r[h.IndexOf("plan")];
                var years = plans.GetValueOrDefault(plan);
                return new IndicatorFacts(r[h.IndexOf("id")], plan, r[h.IndexOf("kind")], r[h.IndexOf("name_zh")], Empty(r[h.IndexOf("name_en")]), years.First, years.Last);
            },
            StringComparer.Ordinal);
    }

    private static int? Int(string text, int line) => string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw new InvalidDataException($"Analytics.Catalog/targets.csv line {line}: '{text}' is not a whole number.");

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
