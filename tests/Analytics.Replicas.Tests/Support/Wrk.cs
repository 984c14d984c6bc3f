using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Replicas.Tests.Support;

/// <summary>wrk's figures for one run.</summary>
internal sealed record WrkResult(long Requests, double Rps, double P50Ms, double P99Ms, long SocketErrors, long Non2xx, string Output)
{
    public long Errors => SocketErrors + Non2xx;
}

/// <summary>
/// Runs Debian's wrk with the dashboard benchmark's path-rotating script (tests/Analytics.Dashboard.Benchmarks/series.lua):
/// every request takes the next path of a file, with a bearer token.
/// </summary>
internal static partial class Wrk
{
    public const string Binary = "/usr/bin/wrk";

    /// <param name="encoding">The Accept-Encoding to ask with (pages are measured as a browser asks for them); none when null.</param>
    /// <param name="until">When given, the run stops as soon as it completes (wrk prints its figures on SIGINT); <paramref name="duration"/> is then the longest it may last.</param>
    public static async Task<WrkResult> RunAsync(string url, IReadOnlyList<string> paths, string token, int connections, TimeSpan duration, string folder, string? encoding = null, Task? until = null)
    {
        var pathsFile = Path.Combine(folder, $"paths-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(pathsFile, paths);
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "20s", "--latency",
            "-s", Repository.File("tests/Analytics.Dashboard.Benchmarks/series.lua"), url,
        })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PATHS_FILE"] = pathsFile;
        start.Environment["TOKEN"] = token;
        start.Environment["ENCODING"] = encoding ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (until is not null && await Task.WhenAny(until, process.WaitForExitAsync()) == until && !process.HasExited)
        {
            using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await interrupt.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        var text = await output + await error;
        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        var requests = RequestsLine().Match(text);
        if (!requests.Success)
        {
            throw new InvalidOperationException("wrk printed no request count:\n" + text);
        }

        var socket = SocketErrorsLine().Match(text);
        var socketErrors = socket.Success ? Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture)) : 0;
        var non2xx = Non2xxLine().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var rps = double.Parse(RpsLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture), rps, Percentile(text, "50"), Percentile(text, "99"), socketErrors, non2xx, text);
    }

    private static double Percentile(string text, string p)
    {
        var m = Regex.Match(text, $@"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsLine();
}
