using System.Globalization;

namespace Analytics.Dashboard.Data;

/// <summary>A cell of the marts: district, industry group and size class ('ALL' for the whole).</summary>
public sealed record CellFilter(string District, string Industry, string Size)
{
    /// <summary>The whole city, every industry and size.</summary>
    public static readonly CellFilter All = new("ALL", "ALL", "ALL");
}

/// <summary>
/// Checks the query-string filters against the snapshot's catalog: a value is accepted only when the catalog knows
/// it, so nothing a user types reaches SQL except as a known key (and even then as a parameter). Pure, so it is tested
/// table-driven; the messages say what is wrong and what is allowed, in the reader's language (the API's in English).
/// </summary>
public static class Filters
{
    /// <summary>The value meaning "no breakdown" in the marts.</summary>
    public const string All = "ALL";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Validates district, industry group and size class for a plan; errors keyed by parameter name, in <paramref name="culture"/> (default English).</summary>
    public static CellFilter? Validate(
        SnapshotCatalog catalog, string plan, string? district, string? industry, string? size, Dictionary<string, string[]> errors,
        CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(errors);
        culture ??= English;
        district = Normal(district);
        industry = Normal(industry);
        size = Normal(size);
        if (district != All && !catalog.DistrictsOf(plan).Any(d => d.Code == district))
        {
            errors["district"] = [Message("ErrorDistrict", culture, Shown(district), plan)];
        }

        if (industry != All && !catalog.IndustriesOf(plan).Any(i => i.Code == industry))
        {
            errors["industry"] = [Message("ErrorIndustry", culture, Shown(industry), plan)];
        }

        if (size != All && !catalog.SizeClasses.Any(s => s.Code == size))
        {
            errors["size"] = [Message("ErrorSize", culture, Shown(size), string.Join(", ", catalog.SizeClasses.Select(s => s.Code)))];
        }

        return errors.Count == 0 ? new CellFilter(district, industry, size) : null;
    }

    /// <summary>Validates a year for an indicator: text that is an integer within the years the marts hold for it.</summary>
    public static int? Year(IndicatorInfo indicator, string? year, Dictionary<string, string[]> errors, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(year))
        {
            return indicator.LastYear;
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < indicator.FirstYear || y > indicator.LastYear)
        {
            errors["year"] = [Message("ErrorYear", culture ?? English, Shown(year), indicator.FirstYear, indicator.LastYear)];
            return null;
        }

        return y;
    }

    /// <summary>User text echoed in a message, cut short.</summary>
    public static string Shown(string value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";

    /// <summary>Empty means ALL; codes are compared as given (no case folding: codes are exact).</summary>
    private static string Normal(string? value) => string.IsNullOrEmpty(value) ? All : value;

    private static string Message(string key, CultureInfo culture, params object[] args) =>
        string.Format(culture, Localization.Labels.Get(key, culture), args);
}
