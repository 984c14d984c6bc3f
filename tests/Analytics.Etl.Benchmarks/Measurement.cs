using System.Text.Json;

namespace Analytics.Etl.Benchmarks;

/// <summary>One child process's figures, passed back to the parent as a JSON line on stdout.</summary>
/// <param name="Feed">registry, patents, rd_spend or survey.</param>
/// <param name="Seconds">Wall time of the measured step only.</param>
/// <param name="RowsRead">Rows the step read (the loader's rows read; DuckDB's rows copied for the ceiling).</param>
/// <param name="RowsLoaded">Rows the loader accepted (the ceiling: same as read).</param>
/// <param name="RowsQuarantined">Rows the loader quarantined (the ceiling: 0).</param>
/// <param name="PeakBytes">VmHWM of the child at the end, or null without /proc.</param>
/// <param name="CpuSeconds">
/// CPU time (all threads) the child spent in the measured step: on a shared machine wall time says as much about the
/// neighbours as about the code.
/// </param>
/// <param name="WriteSeconds">Of <paramref name="Seconds"/>, the load's last phase: staged rows written as Parquet (0 for the ceiling).</param>
/// <param name="WriteParts">That last phase part by part, in order (none for the ceiling).</param>
internal sealed record Measurement(
    string Feed, double Seconds, long RowsRead, long RowsLoaded, long RowsQuarantined, long? PeakBytes, double CpuSeconds, double WriteSeconds = 0,
    IReadOnlyList<PhaseTime>? WriteParts = null)
{
    /// <summary>Marks the result line among anything else the child prints.</summary>
    public const string Marker = "MEASUREMENT ";

    public string ToLine() => Marker + JsonSerializer.Serialize(this);

    public static Measurement? FromOutput(string output) => output
        .Split('\n')
        .Where(l => l.StartsWith(Marker, StringComparison.Ordinal))
        .Select(l => JsonSerializer.Deserialize<Measurement>(l[Marker.Length..]))
        .LastOrDefault();
}

/// <summary>One part of the load's last phase and its seconds.</summary>
/// <param name="Phase">What it does, as the loader reports it.</param>
/// <param name="Seconds">How long it took.</param>
internal sealed record PhaseTime(string Phase, double Seconds);
