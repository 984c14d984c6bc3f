using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Replicas.Tests.Support;

/// <summary>
/// A private nginx on a loopback port running the committed deploy/nginx/analytics.conf, with its listen address and
/// its upstream servers replaced by this test's (everything else as committed).
/// </summary>
internal sealed partial class Nginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private Nginx(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public const string Binary = "/usr/sbin/nginx";

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string ErrorLog => Path.Combine(_folder, "error.log");

    /// <summary>The committed configuration with <paramref name="port"/> to listen on and <paramref name="upstreams"/> as its servers.</summary>
    public static string Configuration(int port, IEnumerable<int> upstreams)
    {
        var committed = File.ReadAllText(Repository.File("deploy/nginx/analytics.conf"));
        var servers = ServerLine().Matches(committed);
        if (servers.Count == 0 || !committed.Contains("listen 80;", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("deploy/nginx/analytics.conf no longer has 'listen 80;' and 'server 127.0.0.1:PORT …' lines for the test to replace");
        }

        var options = servers[0].Groups["options"].Value;
        var lines = string.Join('\n', upstreams.Select(p => $"    server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}{options};"));
        var text = committed.Replace("listen 80;", $"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)};", StringComparison.Ordinal);
        text = text[..servers[0].Index] + lines + text[(servers[^1].Index + servers[^1].Length)..];
        return text;
    }

    public static async Task<Nginx> StartAsync(string folder, IEnumerable<int> upstreams)
    {
        Directory.CreateDirectory(folder);
        var port = Ports.Free();
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder, temp));
            // nginx's workers drop to an unprivileged user when it runs as root.
            if (!OperatingSystem.IsWindows())
            {
                dir.UnixFileMode = (UnixFileMode)Convert.ToInt32("777", 8);
            }
        }

        File.WriteAllText(Path.Combine(folder, "analytics.conf"), Configuration(port, upstreams));
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/analytics.conf;
            }
            """);

        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nginx = new Nginx(process, folder, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {File.ReadAllText(nginx.ErrorLog)}");
            }

            try
            {
                if ((await client.GetAsync(nginx.Url + "/health/ready")).IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await nginx.DisposeAsync();
        throw new InvalidOperationException("nginx did not answer /health/ready within 10 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^[ \t]*server 127\.0\.0\.1:\d+(?<options>[^;\n]*);[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
