using Analytics.Dashboard.Data;
using Analytics.Snapshots;
using Analytics.Snapshots.Results;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Analytics.Dashboard.Api;

/// <summary>
/// Mart rows as an Arrow IPC stream: the CSV's columns (<see cref="MartContract.Columns"/>) with the mart's own types
/// (VARCHAR → utf8, INTEGER → int32, DOUBLE → float64, BOOLEAN → bool), one record batch. The rows are the page's, as
/// this reader may see them: a withheld cell's numbers are null and its <c>small_cell</c> is true. The snapshot's file
/// name travels in the schema's metadata (<c>analytics.snapshot</c>).
/// </summary>
internal static class MartArrow
{
    private static readonly HashSet<string> NotNull = ["indicator_id", "plan", "year", "district_code", "industry_group", "size_class", "small_cell"];

    private static readonly Schema Shape = new(
        MartContract.ColumnNames.Select(name => new Field(name, TypeOf(name), nullable: !NotNull.Contains(name))),
        metadata: null);

    /// <summary>The stream of <paramref name="rows"/>.</summary>
    public static byte[] Of(IEnumerable<MartRow> rows, string? snapshot)
    {
        var list = rows.ToList();
        var columns = new IArrowArray[]
        {
            Text(list, r => r.IndicatorId), Text(list, r => r.Plan), Int(list, r => r.Year), Text(list, r => r.DistrictCode), Text(list, r => r.DistrictNameZh),
            Text(list, r => r.IndustryGroup), Text(list, r => r.SizeClass), Num(list, r => r.Value), Num(list, r => r.Numerator), Num(list, r => r.Denominator),
            Int(list, r => (int?)r.SampleSize), Num(list, r => r.CiLow), Num(list, r => r.CiHigh), Int(list, r => r.BaselineYear), Num(list, r => r.BaselineValue),
            Num(list, r => r.Ratio), Num(list, r => r.TargetValue), Int(list, r => r.TargetYear), Text(list, r => r.Comparator), Num(list, r => r.Attainment),
            Num(list, r => r.TrajectoryValue), Text(list, r => r.Status), Int(list, r => (int?)r.EnterpriseCount), Bool(list, r => r.SmallCell),
            Text(list, r => r.TargetBasis), Num(list, r => r.TargetShare),
        };
        var schema = snapshot is null ? Shape : new Schema(Shape.FieldsList, new Dictionary<string, string> { ["analytics.snapshot"] = snapshot });
        using var batch = new RecordBatch(schema, columns, list.Count);
        using var output = new MemoryStream();
        using (var writer = new ArrowStreamWriter(output, schema, leaveOpen: true))
        {
            writer.WriteStart();
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return output.ToArray();
    }

    /// <summary>The download of a stream.</summary>
    public static IResult File(byte[] arrow, string name) => TypedResults.File(arrow, ResultMedia.Arrow, name);

    private static IArrowType TypeOf(string column) => column switch
    {
        "year" or "sample_size" or "baseline_year" or "target_year" or "enterprise_count" => Int32Type.Default,
        "value" or "numerator" or "denominator" or "ci_low" or "ci_high" or "baseline_value" or "ratio" or "target_value" or "attainment"
            or "trajectory_value" or "target_share" => DoubleType.Default,
        "small_cell" => BooleanType.Default,
        _ => StringType.Default,
    };

    private static StringArray Text(List<MartRow> rows, Func<MartRow, string?> value)
    {
        var b = new StringArray.Builder();
        foreach (var r in rows)
        {
            if (value(r) is { } v)
            {
                b.Append(v);
            }
            else
            {
                b.AppendNull();
            }
        }

        return b.Build();
    }

    private static Int32Array Int(List<MartRow> rows, Func<MartRow, int?> value)
    {
        var b = new Int32Array.Builder().Reserve(rows.Count);
        foreach (var r in rows)
        {
            b.Append(value(r));
        }

        return b.Build();
    }

    private static DoubleArray Num(List<MartRow> rows, Func<MartRow, double?> value)
    {
        var b = new DoubleArray.Builder().Reserve(rows.Count);
        foreach (var r in rows)
        {
            b.Append(value(r));
        }

        return b.Build();
    }

    private static BooleanArray Bool(List<MartRow> rows, Func<MartRow, bool> value)
    {
        var b = new BooleanArray.Builder().Reserve(rows.Count);
        foreach (var r in rows)
        {
            b.Append(value(r));
        }

        return b.Build();
    }
}
