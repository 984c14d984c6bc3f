using System.Buffers;
using System.Text;
using Analytics.Dashboard.Data;
using Analytics.Snapshots.Formatting;
using Analytics.Snapshots.Results;

namespace Analytics.Dashboard.Api;

/// <summary>CSV downloads of mart rows: the product's one CSV writer (<see cref="CsvText"/>, with its formula guard), UTF-8 with a byte-order mark so spreadsheet programs read the Chinese.</summary>
internal static class Csv
{
    private static readonly string[] MartHeader = MartRows.Columns.Split(", ");

    public static byte[] Of(IEnumerable<MartRow> rows)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(Encoding.UTF8.Preamble);
        CsvText.WriteLine(output, MartHeader);
        foreach (var r in rows)
        {
            CsvText.WriteLine(output,
            [
                r.IndicatorId, r.Plan, N(r.Year), r.DistrictCode, r.DistrictNameZh, r.IndustryGroup, r.SizeClass, N(r.Value), N(r.Numerator),
                N(r.Denominator), N(r.SampleSize), N(r.CiLow), N(r.CiHigh), N(r.BaselineYear), N(r.BaselineValue), N(r.Ratio), N(r.TargetValue),
                N(r.TargetYear), r.Comparator, N(r.Attainment), N(r.TrajectoryValue), r.Status, N(r.EnterpriseCount), r.SmallCell ? "true" : "false",
                r.TargetBasis, N(r.TargetShare),
            ]);
        }

        return output.WrittenSpan.ToArray();
    }

    public static IResult File(byte[] csv, string name) => TypedResults.File(csv, "text/csv; charset=utf-8", name);

    private static string? N(object? value) => ValueText.FormatOrNull(value);
}
