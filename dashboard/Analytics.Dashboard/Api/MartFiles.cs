using Analytics.Dashboard.Data;

namespace Analytics.Dashboard.Api;

/// <summary>Mart rows as a file in the asked-for format: CSV (<see cref="Csv"/>) or Arrow (<see cref="MartArrow"/>), named <c>name.csv</c> or <c>name.arrow</c>.</summary>
internal static class MartFiles
{
    public static IResult Of(IEnumerable<MartRow> rows, TableFormat format, string name, Warehouse w) => format switch
    {
        TableFormat.Arrow => MartArrow.File(MartArrow.Of(rows, w.Snapshot is { } s ? Path.GetFileName(s.Path) : null), name + ".arrow"),
        TableFormat.Csv => Csv.File(Csv.Of(rows), name + ".csv"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is the endpoint's own answer."),
    };
}
