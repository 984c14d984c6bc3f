using System.Globalization;
using Analytics.DuckDb;
using Analytics.Reference;

namespace Analytics.Warehouse.Building;

/// <summary>
/// Puts the shared reference data (Analytics.Reference's embedded GB/T 2260 and GB/T 4754 copies and SME size-class
/// rules, reused rather than duplicated) and the warehouse's own catalog (plans, size classes, recognition types,
/// indicators, targets) into temporary raw tables that the models type and document.
/// </summary>
internal static class CatalogLoader
{
    /// <summary>Catalog CSV files and the raw table each becomes.</summary>
    private static readonly (string File, string Table)[] CatalogFiles =
    [
        ("plans.csv", "cat_raw_plans"),
        ("size_classes.csv", "cat_raw_size_classes"),
        ("recognition_types.csv", "cat_raw_recognition_types"),
        ("indicators.csv", "cat_raw_indicators"),
    ];

    /// <summary>The raw tables <see cref="Load"/> makes, for the model graph.</summary>
    public static IReadOnlyList<string> TableNames { get; } =
    [
        "ref_raw_districts", "ref_raw_industries", "ref_raw_policy_groups", "ref_raw_divisions", "cat_raw_size_class_rules",
        .. CatalogFiles.Select(f => f.Table), "cat_raw_targets", "cat_raw_indicator_sql",
    ];

    private static readonly string[] TargetColumns =
    [
        "version", "plan", "indicator_id", "scope", "baseline_year", "target_year", "value", "comparator", "source_document", "note",
        "recorded_by", "recorded_at", "reason",
    ];

    /// <summary>Loads every raw reference and catalog table, with <paramref name="targets"/> as the target versions.</summary>
    public static void Load(DuckDbConnection connection, IReadOnlyList<Analytics.Catalog.TargetVersion> targets)
    {
        RawTableLoader.LoadCsv(connection, "ref_raw_districts", ReferenceData.ReadEmbeddedText("districts.csv"), "districts.csv");
        RawTableLoader.LoadCsv(connection, "ref_raw_industries", ReferenceData.ReadEmbeddedText("industries.csv"), "industries.csv");
        RawTableLoader.LoadCsv(
            connection, "ref_raw_policy_groups", ReferenceData.ReadEmbeddedText("policy-industry-groups.csv"), "policy-industry-groups.csv");
        RawTableLoader.Load(connection, "ref_raw_divisions", ["division_code", "section_code", "name_zh"], Divisions());
        RawTableLoader.LoadCsv(
            connection, "cat_raw_size_class_rules", ReferenceData.ReadEmbeddedText(SizeClassRules.FileName), SizeClassRules.FileName);

        foreach (var (file, table) in CatalogFiles)
        {
            RawTableLoader.LoadCsv(connection, table, EmbeddedFiles.Catalog(file), "Catalog/" + file);
        }

        RawTableLoader.Load(connection, "cat_raw_targets", TargetColumns, targets.SelectMany(v => v.Rows.Select(r => new string?[]
        {
            Invariant(v.Version), v.Plan, v.IndicatorId, r.Scope, r.BaselineYear is { } b ? Invariant(b) : null, Invariant(r.TargetYear),
            r.Value.ToString("R", CultureInfo.InvariantCulture), r.Comparator, v.SourceDocument, r.Note,
            v.RecordedBy, v.RecordedAt?.ToString("O", CultureInfo.InvariantCulture), v.Reason,
        })).ToList());
        LoadIndicatorSql(connection);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>All 97 GB/T 4754-2017 divisions with their sections, from the shared reference table.</summary>
    private static IEnumerable<string?[]> Divisions()
    {
        for (var division = 1; division <= IndustryDivisions.Count; division++)
        {
            yield return
            [
                division.ToString("D2", CultureInfo.InvariantCulture),
                IndustryDivisions.SectionOf(division).ToString(),
                IndustryDivisions.NameZh(division),
            ];
        }
    }

    /// <summary>The SQL text of each indicator, from the file its catalog row names.</summary>
    private static void LoadIndicatorSql(DuckDbConnection connection)
    {
        var (header, rows) = SmallCsv.Parse(EmbeddedFiles.Catalog("indicators.csv"), "Analytics.Catalog/indicators.csv");
        var idColumn = IndexOf(header, "id");
        var fileColumn = IndexOf(header, "sql_file");
        var texts = rows.Select(r => new string?[]
        {
            r[idColumn],
            r[fileColumn],
            EmbeddedFiles.HasSql(r[fileColumn]) ? EmbeddedFiles.Sql(r[fileColumn]) : throw new InvalidDataException(
                $"Analytics.Catalog/indicators.csv: indicator {r[idColumn]} names sql_file '{r[fileColumn]}', which is not under Sql/."),
        });
        RawTableLoader.Load(connection, "cat_raw_indicator_sql", ["id", "sql_file", "sql"], texts.ToList());
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        throw new InvalidDataException($"Analytics.Catalog/indicators.csv has no '{column}' column.");
    }
}
