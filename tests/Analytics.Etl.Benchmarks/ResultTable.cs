using System.Globalization;

namespace Analytics.Etl.Benchmarks;

/// <summary>One load of a feed (with so many validating threads per file, in run so-and-so) against the ceiling measured in the same run.</summary>
internal sealed record FeedResult(string Feed, long GeneratedRows, int Threads, int Run, Measurement Load, Measurement Ceiling, string CeilingNote)
{
    public double LoadRate => Load.RowsRead / Load.Seconds;

    public double CeilingRate => Ceiling.RowsRead / Ceiling.Seconds;

    public double Ratio => LoadRate / CeilingRate;
}

/// <summary>Prints the results as a plain-text table, with issue 18's goals.</summary>
internal static class ResultTable
{
    private const long PeakGoal = 4L << 30;

    /// <summary>Issue 18: every CSV/JSON feed at ≥ 0.35 of DuckDB's copy, the survey (workbooks) at ≥ 0.2.</summary>
    public static double RatioGoal(string feed) => feed == "survey" ? 0.2 : 0.35;

    public static void Print(IReadOnlyList<FeedResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"{"feed",-9} {"thr",3} {"run",3} {"rows",12} {"load s",8} {"parquet",7} {"cpu s",7} {"rows/s",10} {"peak",9} | {"ceiling s",9} {"cpu s",7} {"rows/s",10} | " +
            $"{"ours÷ceiling",12} {"vs 1 thr",8}  ceiling input");
        foreach (var r in results)
        {
            var sequential = results.FirstOrDefault(s => s.Feed == r.Feed && s.Run == r.Run && s.Threads == 1);
            var speedUp = sequential is null ? "" : (sequential.Load.Seconds / r.Load.Seconds).ToString("F2", CultureInfo.InvariantCulture) + "×";
            Console.WriteLine(
                $"{r.Feed,-9} {r.Threads,3} {r.Run,3} {r.Load.RowsRead,12:N0} {r.Load.Seconds,8:F1} {r.Load.WriteSeconds,7:F1} {r.Load.CpuSeconds,7:F1} {r.LoadRate,10:N0} {Size(r.Load.PeakBytes),9} | " +
                $"{r.Ceiling.Seconds,9:F1} {r.Ceiling.CpuSeconds,7:F1} {r.CeilingRate,10:N0} | " +
                $"{r.Ratio,12:P0} {speedUp,8}  {r.CeilingNote}");
        }

        Console.WriteLine();
        foreach (var group in results.GroupBy(r => (r.Feed, r.Threads)))
        {
            var ratio = Median(group.Select(r => r.Ratio));
            var seconds = Median(group.Select(r => r.Load.Seconds));
            var peak = group.Max(r => r.Load.PeakBytes);
            var goal = RatioGoal(group.Key.Feed);
            var last = group.Last();
            Console.WriteLine(
                $"{group.Key.Feed,-9} {group.Key.Threads} thread(s): median load {seconds:F1} s, ratio {ratio,5:P0} ({(ratio >= goal ? "meets" : "misses")} ≥ {goal:P0}), " +
                $"peak {Size(peak)} ({(peak is null ? "unknown" : peak < PeakGoal ? "meets" : "misses")} < 4 GB); " +
                $"loaded {last.Load.RowsLoaded:N0}, quarantined {last.Load.RowsQuarantined:N0} of {last.GeneratedRows:N0} generated data rows");
        }
    }

    public static string Size(long? bytes) => bytes is { } b
        ? b >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{b / (double)(1L << 30):F2} GB") : string.Create(CultureInfo.InvariantCulture, $"{b >> 20} MB")
        : "n/a";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
