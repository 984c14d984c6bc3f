using System.Globalization;

namespace Analytics.Reference;

/// <summary>
/// The public facts the product uses (GB/T 2260 divisions of the two seed regions, GB/T 4754-2017 codes, the plans'
/// industry groups), read from CSV files embedded in this assembly. The project owns these copies. The SME size
/// thresholds, embedded beside them, are read by <see cref="SizeClassRules"/>.
/// </summary>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> Embedded = new(LoadEmbedded);

    private ReferenceData(
        IReadOnlyList<District> districts, IReadOnlyList<IndustryCode> industries, IReadOnlyList<PolicyIndustryGroup> groups)
    {
        Districts = districts;
        Industries = industries;
        PolicyIndustryGroups = groups;
        DistrictsByCode = districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    /// <summary>The copy embedded in the product.</summary>
    public static ReferenceData Default => Embedded.Value;

    /// <summary>Every county-level division, current and former codes.</summary>
    public IReadOnlyList<District> Districts { get; }

    /// <summary>Divisions by 6-digit code.</summary>
    public IReadOnlyDictionary<string, District> DistrictsByCode { get; }

    /// <summary>GB/T 4754-2017 sections, divisions and groups named or implied by the plans.</summary>
    public IReadOnlyList<IndustryCode> Industries { get; }

    /// <summary>Each plan's industry groups.</summary>
    public IReadOnlyList<PolicyIndustryGroup> PolicyIndustryGroups { get; }

    /// <summary>The raw text of one embedded reference file (districts.csv, industries.csv, policy-industry-groups.csv, size_class_rules.csv).</summary>
    public static string ReadEmbeddedText(string fileName)
    {
        var assembly = typeof(ReferenceData).Assembly;
        using var stream = assembly.GetManifestResourceStream("Analytics.Reference." + fileName)
            ?? throw new FileNotFoundException($"Reference file '{fileName}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ReferenceData LoadEmbedded()
    {
        var districts = ParseCsv(ReadEmbeddedText("districts.csv")).Select(r => new District(
            r["code"], r["name_zh"], r["name_en"], r["city_code"], r["city_zh"], r["kind"],
            ParseMonth(r["valid_from"]), ParseMonth(r["valid_to"]), NullIfEmpty(r["successor_code"]))).ToList();
        var industries = ParseCsv(ReadEmbeddedText("industries.csv"))
            .Select(r => new IndustryCode(r["level"], r["code"], r["name_zh"], r["name_en"])).ToList();
        var groups = ParseCsv(ReadEmbeddedText("policy-industry-groups.csv")).Select(r => new PolicyIndustryGroup(
            r["plan"], r["group_code"], r["group_zh"], r["group_en"],
            r["gbt4754_codes"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            r["source_in_plan"])).ToList();
        return new ReferenceData(districts, industries, groups);
    }

    private static DateOnly? ParseMonth(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Rows of one reference CSV as column → value maps.</summary>
    internal static IEnumerable<Dictionary<string, string>> ParseCsv(string text) => ParseCsv(text, "reference CSV");

    /// <summary>Rows of one reference CSV as column → value maps; <paramref name="sourceName"/> names the file in errors.</summary>
    internal static IEnumerable<Dictionary<string, string>> ParseCsv(string text, string sourceName)
    {
        var (header, rows) = SmallCsv.Parse(text, sourceName);
        foreach (var fields in rows)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = fields[i];
            }

            yield return row;
        }
    }
}
