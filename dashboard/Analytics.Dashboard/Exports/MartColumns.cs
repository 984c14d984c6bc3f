using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;
using Analytics.Dashboard.Presentation;

namespace Analytics.Dashboard.Exports;

/// <summary>
/// The columns a table export can have, each named for the mart (or catalog) column it comes from, with its header in
/// the reader's language and its cell for an indicator's row: numbers typed, with the Excel format of the indicator's
/// catalog format (<see cref="Analytics.Snapshots.Formatting.NumberFormat.Excel"/>), names and statuses as the pages show them.
/// </summary>
internal sealed class MartColumns(UiContext ui, SnapshotCatalog catalog)
{
    /// <summary>The Excel format of an attainment (as shown: <see cref="Analytics.Snapshots.Formatting.Attainment.Shown"/>).</summary>
    public const string AttainmentFormat = "0.0%";

    private const string Year = "0";
    private const string Whole = "#,##0";

    /// <summary>The measure columns of a table of <paramref name="indicators"/>: a ratio only for doubling indicators, an interval only for surveys.</summary>
    public static IEnumerable<string> Measures(IReadOnlyCollection<IndicatorInfo> indicators)
    {
        yield return "value";
        if (indicators.Any(Measure.IsDoubling))
        {
            yield return "ratio";
        }

        if (indicators.Any(Measure.HasInterval))
        {
            yield return "ci_low";
            yield return "ci_high";
            yield return "sample_size";
        }

        yield return "trajectory_value";
        yield return "target_value";
        yield return "target_basis";
        yield return "attainment";
        yield return "status";
    }

    /// <summary>The column <paramref name="name"/>.</summary>
    public ExportColumn Column(string name) => name switch
    {
        "indicator_id" => new(name, ui["ExportIndicatorId"], ExportKind.Text),
        "indicator_name" => new(name, ui["Indicator"], ExportKind.Text),
        "year" => new(name, ui["Year"], ExportKind.Integer),
        "district_code" => new(name, ui["ExportDistrictCode"], ExportKind.Text),
        "district_name" => new(name, ui["District"], ExportKind.Text),
        "industry_group" => new(name, ui["ExportIndustryCode"], ExportKind.Text),
        "industry_name" => new(name, ui["Industry"], ExportKind.Text),
        "value" => new(name, ui["Value"], ExportKind.Number),
        "ratio" => new(name, ui["Ratio"], ExportKind.Number),
        "ci_low" => new(name, ui["ExportCiLow"], ExportKind.Number),
        "ci_high" => new(name, ui["ExportCiHigh"], ExportKind.Number),
        "sample_size" => new(name, ui["SampleSize"], ExportKind.Integer),
        "trajectory_value" => new(name, ui["Path"], ExportKind.Number),
        "target_value" => new(name, ui["Target"], ExportKind.Number),
        "target_basis" => new(name, ui["ExportTargetBasis"], ExportKind.Text),
        "attainment" => new(name, ui["Attainment"], ExportKind.Number),
        "status" => new(name, ui["Status"], ExportKind.Text),
        "enterprise_count" => new(name, ui["Enterprises"], ExportKind.Integer),
        "unit" => new(name, ui["ExportUnit"], ExportKind.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an export column."),
    };

    /// <summary>The cell of column <paramref name="name"/> for <paramref name="row"/> of <paramref name="i"/>.</summary>
    public ExportCell Cell(string name, IndicatorInfo i, MartRow row)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(row);
        var value = i.Format.Value;
        var measure = i.Format.Measure;
        return name switch
        {
            "indicator_id" => ExportCell.Of(i.Id),
            "indicator_name" => ExportCell.Of(ui.Pick(i.NameZh, i.NameEn)),
            "year" => ExportCell.Of(row.Year, Year),
            "district_code" => ExportCell.Of(row.DistrictCode),
            "district_name" => ExportCell.Of(Names.District(catalog, i.Plan, row.DistrictCode, ui)),
            "industry_group" => ExportCell.Of(row.IndustryGroup),
            "industry_name" => ExportCell.Of(Names.Industry(catalog, i.Plan, row.IndustryGroup, ui)),
            "value" => Number(row, row.Value, value.Excel),
            "ratio" => Number(row, Measure.IsDoubling(i) ? row.Ratio : null, measure.Excel),
            "ci_low" => Number(row, row.CiLow, value.Excel),
            "ci_high" => Number(row, row.CiHigh, value.Excel),
            "sample_size" => Number(row, row.SampleSize, Whole),
            "trajectory_value" => Number(row, measure.Threshold(row.TrajectoryValue), measure.Excel),
            "target_value" => ExportCell.Of(measure.Threshold(row.TargetValue), measure.Excel),
            "target_basis" => ExportCell.Of(row.TargetBasis is { } b ? ui["ExportBasis_" + b] : null),
            "attainment" => Number(row, Analytics.Snapshots.Formatting.Attainment.Shown(row.Attainment), AttainmentFormat),
            "status" => ExportCell.Of(row.Withheld ? ui["SmallCell"] : ui[StatusView.Of(row.Status).LabelKey]),
            "enterprise_count" => Number(row, row.EnterpriseCount, Whole),
            "unit" => ExportCell.Of(Unit(i)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an export column."),
        };
    }

    /// <summary>The unit of an indicator's value as a column reads it: 家, 万元, % (a doubling indicator's value keeps its own unit).</summary>
    public string Unit(IndicatorInfo i) => i.Format.Value.Kind == "percent" ? "%" : Measure.Unit(i, ui.English);

    /// <summary>A number of the row; empty and marked withheld when this reader may not see it.</summary>
    private static ExportCell Number(MartRow row, double? number, string format) =>
        number is null && row.Withheld ? new ExportCell(null, null, format, Withheld: true) : ExportCell.Of(number, format);
}
