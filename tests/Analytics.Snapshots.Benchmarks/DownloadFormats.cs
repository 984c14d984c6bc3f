using System.Diagnostics;
using System.Globalization;

/// <summary>
/// The console's downloads over HTTP on the real dashboard — CSV, JSON and Arrow — for the whole indicator mart and a
/// 10-million-row query: time to first and last byte, bytes, rows, and the peak memory of the dashboard and of the SQL
/// worker that wrote the file. Run once under the console's own caps and once with the caps lifted.
/// </summary>
internal static class DownloadFormats
{
    private const string TenMillion =
        "SELECT range AS id, (range % 97)::INTEGER AS k, (range / 100)::DECIMAL(18,2) AS amount, 'enterprise ' || range AS name FROM range(10000000)";

    public static async Task RunAsync(string dashboard, string contentRoot, string snapshot, int repeats)
    {
        Console.WriteLine();
        Console.WriteLine($"3. Console downloads over HTTP (best of {repeats}; peaks are resident memory, reset before each download)");
        var lifted = new[] { "--Analytics:SqlConsole:MaxCsvRows=2000000000", "--Analytics:SqlConsole:MaxCsvBytes=17179869184", "--Analytics:SqlConsole:TimeoutSeconds=600" };
        foreach (var (caps, settings) in new[] { ("the console's caps", Array.Empty<string>()), ("caps lifted", lifted) })
        {
            await using var app = await DashboardProcess.StartAsync(dashboard, contentRoot, snapshot, settings);
            Console.WriteLine();
            Console.WriteLine($"   {caps}");
            Console.WriteLine("   query          format   first byte   last byte         bytes         rows  cut    dashboard peak  worker peak");
            foreach (var (name, sql) in new[] { ("whole mart", "SELECT * FROM mart_indicator"), ("10 M rows", TenMillion) })
            {
                foreach (var format in new[] { "csv", "json", "arrow" })
                {
                    await DownloadAsync(app, format, "SELECT 1"); // the worker warm for this format
                    Result? best = null;
                    for (var i = 0; i < repeats; i++)
                    {
                        var result = await DownloadAsync(app, format, sql);
                        best = best is null || result.Last < best.Last ? result : best;
                    }

                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"   {name,-14} {format,-6} {best!.First.TotalSeconds,9:F2} s {best.Last.TotalSeconds,9:F2} s {best.Bytes / 1e6,10:F1} MB {best.Rows,12:N0}  {best.Cut,-5} {best.DashboardPeak,10:F0} MB {best.WorkerPeak,9:F0} MB"));
                }
            }
        }
    }

    private static async Task<Result> DownloadAsync(DashboardProcess app, string format, string sql)
    {
        app.ResetPeaks();
        var clock = Stopwatch.StartNew();
        using var response = await app.Client.PostAsync("/sql/" + format, app.Form(sql), default).ConfigureAwait(false);
        var first = clock.Elapsed;
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var last = clock.Elapsed;
        var (dashboardPeak, workerPeak) = app.Peaks();
        var cut = response.Headers.TryGetValues("X-Analytics-Truncated", out var v) ? v.Single() : "";
        var rows = long.Parse(response.Headers.GetValues("X-Analytics-Rows").Single(), CultureInfo.InvariantCulture);
        return new Result(first, last, bytes, rows, cut, dashboardPeak, workerPeak);
    }

    private sealed record Result(TimeSpan First, TimeSpan Last, long Bytes, long Rows, string Cut, double DashboardPeak, double WorkerPeak);
}
