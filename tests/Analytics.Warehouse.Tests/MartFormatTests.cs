using System.Globalization;
using Analytics.Snapshots.Formatting;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests;

/// <summary>
/// Every number of a real mart (the builder's, over the fixture lake) as the readers show it: from the catalog's
/// format, never in E-notation, and with an attainment that can never contradict the status beside it.
/// </summary>
public sealed class MartFormatTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en-US")];

    private List<(IndicatorFormat Format, Dictionary<string, object?> Row)> Rows() =>
        Db.Rows(fixture.Connection, """
            SELECT m.*, c.value_format, c.decimals, c.unit
            FROM mart_indicator m JOIN indicator_catalog c USING (indicator_id)
            """)
        .Select(r => (IndicatorFormat.Of((string?)r["value_format"], r["decimals"] is int d ? d : null, (string?)r["kind"], (string?)r["unit"]), r))
        .ToList();

    [Fact]
    public void Every_indicator_of_the_catalog_names_a_known_format()
    {
        var formats = Db.Rows(fixture.Connection, "SELECT indicator_id, value_format, decimals FROM indicator_catalog");
        Assert.NotEmpty(formats);
        Assert.All(formats, r => Assert.Contains((string)r["value_format"]!, NumberFormat.Kinds));
    }

    [Fact]
    public void No_number_of_the_mart_reads_in_E_notation_or_as_float_noise()
    {
        var rows = Rows();
        Assert.NotEmpty(rows);
        foreach (var (format, row) in rows)
        {
            foreach (var culture in Cultures)
            {
                foreach (var column in new[] { "value", "ratio", "target_value", "trajectory_value", "ci_low", "ci_high" })
                {
                    var value = Number(row[column]);
                    var text = column is "ratio" or "target_value" or "trajectory_value" ? format.Measure.FormatThreshold(value, culture) : format.Value.Format(value, culture);
                    Assert.DoesNotContain("E", text, StringComparison.Ordinal);
                    Assert.True(text.Length < 30, $"{row["indicator_id"]} {column} reads '{text}'");
                }

                Assert.DoesNotContain("E", Attainment.Format(Number(row["attainment"]), culture), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Where_the_path_is_the_target_the_attainment_shown_agrees_with_the_status()
    {
        var judged = Rows().Where(r => r.Row["status"] is string && Number(r.Row["trajectory_value"]) is { } path
                                       && Number(r.Row["target_value"]) is { } target && Math.Abs(path - target) < 1e-9).ToList();
        Assert.NotEmpty(judged);
        foreach (var (_, row) in judged)
        {
            var shown = Attainment.Shown(Number(row["attainment"]))!.Value;
            var expected = shown >= 1.0 ? "on_track" : shown >= 0.9 ? "at_risk" : "off_track";
            Assert.True(expected == (string)row["status"]!, $"{row["indicator_id"]} {row["year"]} {row["district_code"]}: {shown:P1} shown beside {row["status"]}");
        }
    }

    private static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
