using System.Globalization;

namespace Analytics.Etl.Benchmarks;

/// <summary>The process's peak resident set (VmHWM in /proc/self/status): process-wide and never decreasing.</summary>
internal static class PeakMemory
{
    /// <summary>Bytes, or null where /proc is not available.</summary>
    public static long? Bytes()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
