using System.Globalization;

namespace Analytics.Etl.Benchmarks;

/// <summary>One feed's load against its ceiling.</summary>
internal sealed record FeedResult(string Feed, long GeneratedRows, Measurement Load, Measurement Ceiling, string CeilingNote)
{
    public double LoadRate => Load.RowsRead / Load.Seconds;

    public double CeilingRate => Ceiling.RowsRead / Ceiling.Seconds;
}

/// <summary>Prints the results as a plain-text table, with the issue's goals.</summary>
internal static class ResultTable
{
    private const double RatioGoal = 0.5;
    private const long PeakGoal = 4L << 30;

    public static void Print(IReadOnlyList<FeedResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"{"feed",-9} {"rows",12} {"load s",8} {"cpu s",7} {"rows/s",10} {"peak",9} | {"ceiling s",9} {"cpu s",7} {"rows/s",10} {"peak",9} | " +
            $"{"ours÷ceiling",12}  ceiling input");
        foreach (var r in results)
        {
            Console.WriteLine(
                $"{r.Feed,-9} {r.Load.RowsRead,12:N0} {r.Load.Seconds,8:F1} {r.Load.CpuSeconds,7:F1} {r.LoadRate,10:N0} {Size(r.Load.PeakBytes),9} | " +
                $"{r.Ceiling.Seconds,9:F1} {r.Ceiling.CpuSeconds,7:F1} {r.CeilingRate,10:N0} {Size(r.Ceiling.PeakBytes),9} | " +
                $"{r.LoadRate / r.CeilingRate,12:P0}  {r.CeilingNote}");
        }

        Console.WriteLine();
        foreach (var r in results)
        {
            var ratio = r.LoadRate / r.CeilingRate;
            var peak = r.Load.PeakBytes;
            Console.WriteLine(
                $"{r.Feed,-9} ratio {ratio,5:P0} ({(ratio >= RatioGoal ? "meets" : "misses")} ≥ {RatioGoal:P0}), " +
                $"peak {Size(peak)} ({(peak is null ? "unknown" : peak < PeakGoal ? "meets" : "misses")} < 4 GB); " +
                $"loaded {r.Load.RowsLoaded:N0}, quarantined {r.Load.RowsQuarantined:N0} of {r.GeneratedRows:N0} generated data rows");
        }
    }

    public static string Size(long? bytes) => bytes is { } b
        ? b >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{b / (double)(1L << 30):F2} GB") : string.Create(CultureInfo.InvariantCulture, $"{b >> 20} MB")
        : "n/a";
}
