using System.Globalization;
using System.Text;
using Analytics.Dashboard.Data;

namespace Analytics.Dashboard.Api;

/// <summary>CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese) of mart rows and query results.</summary>
internal static class Csv
{
    private static readonly string[] MartHeader = MartRows.Columns.Split(", ");

    public static string Of(IEnumerable<MartRow> rows)
    {
        var sb = new StringBuilder();
        Line(sb, MartHeader);
        foreach (var r in rows)
        {
            Line(sb,
            [
                r.IndicatorId, r.Plan, N(r.Year), r.DistrictCode, r.DistrictNameZh, r.IndustryGroup, r.SizeClass, N(r.Value), N(r.Numerator),
                N(r.Denominator), N(r.SampleSize), N(r.CiLow), N(r.CiHigh), N(r.BaselineYear), N(r.BaselineValue), N(r.Ratio), N(r.TargetValue),
                N(r.TargetYear), r.Comparator, N(r.Attainment), N(r.TrajectoryValue), r.Status, N(r.EnterpriseCount), r.SmallCell ? "true" : "false",
            ]);
        }

        return sb.ToString();
    }

    public static string Of(TableResult table)
    {
        var sb = new StringBuilder();
        Line(sb, table.Columns);
        foreach (var row in table.Rows)
        {
            Line(sb, row);
        }

        return sb.ToString();
    }

    public static IResult File(string text, string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", name);

    private static void Line(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Escape(cells[i]));
        }

        sb.Append("\r\n");
    }

    /// <summary>Quotes when needed; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    internal static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }

        if (cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell[0] == '-' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static string? N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);

    private static string? N(long? v) => v?.ToString(CultureInfo.InvariantCulture);

    private static string? N(int? v) => v?.ToString(CultureInfo.InvariantCulture);
}
