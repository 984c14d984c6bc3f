using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

/// <summary>
/// The real dashboard started as its own process on a free loopback port (as an analyst with an API token when the scripts give one), with the
/// console's antiforgery token read from its page; its memory and its SQL workers' read from /proc.
/// </summary>
internal sealed partial class DashboardProcess : IAsyncDisposable
{
    private readonly Process _app;

    private DashboardProcess(Process app, HttpClient client, string token)
    {
        _app = app;
        Client = client;
        Token = token;
    }

    public HttpClient Client { get; }

    /// <summary>The console form's antiforgery token.</summary>
    public string Token { get; }

    public static async Task<DashboardProcess> StartAsync(string dashboard, string contentRoot, string snapshot, params string[] settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        // Accounts on, as deployed: the scripts make an analyst and pass its token (ANALYTICS_BENCH_TOKEN) and database.
        var accounts = Environment.GetEnvironmentVariable("ANALYTICS_BENCH_ACCOUNTS") is { } folder
            ? new[] { $"--Analytics:Accounts:Database={folder}/accounts.db", $"--Analytics:Accounts:AccessLog={folder}/access.jsonl" }
            : [];
        foreach (var a in new[] { dashboard, $"--Analytics:Snapshot={snapshot}", $"--Urls={url}", "--Logging:LogLevel:Default=Warning" }.Concat(accounts).Concat(settings))
        {
            start.ArgumentList.Add(a);
        }

        var app = Process.Start(start)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        if (Environment.GetEnvironmentVariable("ANALYTICS_BENCH_TOKEN") is { Length: > 0 } token)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        for (var i = 0; i < 150 && !await Answers(client); i++)
        {
            await Task.Delay(200);
        }

        var page = await client.GetStringAsync("/sql");
        var antiforgery = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        return new DashboardProcess(app, client, antiforgery);
    }

    /// <summary>The console's form with <paramref name="sql"/>.</summary>
    public FormUrlEncodedContent Form(string sql, bool page = false)
    {
        var fields = new Dictionary<string, string> { ["sql"] = sql, ["__RequestVerificationToken"] = Token };
        if (page)
        {
            fields["_handler"] = "sql";
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The dashboard's process and its SQL workers (its child processes).</summary>
    public IReadOnlyList<int> Workers => Children(_app.Id);

    /// <summary>Sets the peak resident memory of the dashboard and its workers back to their current size (Linux: clear_refs 5).</summary>
    public void ResetPeaks()
    {
        foreach (var pid in Workers.Prepend(_app.Id))
        {
            try
            {
                File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            }
            catch (IOException)
            {
                // a worker that just ended
            }
        }
    }

    /// <summary>Peak resident memory (MB) since <see cref="ResetPeaks"/>: the dashboard's, and the largest of its workers'.</summary>
    public (double Dashboard, double Worker) Peaks() => (PeakMB(_app.Id), Workers.Select(PeakMB).DefaultIfEmpty(0).Max());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _app.Kill(entireProcessTree: true);
        await _app.WaitForExitAsync();
        _app.Dispose();
    }

    public static async Task<bool> Answers(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/api/ping")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double PeakMB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static List<int> Children(int pid)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == pid)
                {
                    children.Add(child);
                }
            }
            catch (IOException)
            {
            }
        }

        return children;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
