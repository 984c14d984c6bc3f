using System.Diagnostics;

namespace Analytics.Replicas.Tests.Support;

/// <summary>One dashboard process on its own loopback port, its output in a log file for the failure message.</summary>
internal sealed class DashboardReplica : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _settings;
    private Process? _process;
    private StreamWriter? _log;

    public DashboardReplica(int port, string logFile, IReadOnlyList<string> settings)
    {
        Port = port;
        LogFile = logFile;
        _settings = settings;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string LogFile { get; }

    public Process? Process => _process;

    /// <summary>Starts the process and waits (bounded) until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.DashboardRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.DashboardDll);
        start.ArgumentList.Add($"--Urls={Url}");
        foreach (var setting in _settings)
        {
            start.ArgumentList.Add(setting);
        }

        _log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        var log = _log;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Replica {Url} exited with {_process.ExitCode} while starting:\n{Tail()}");
            }

            try
            {
                if ((await client.GetAsync(Url + "/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"Replica {Url} was not ready within 60 s:\n{Tail()}");
    }

    /// <summary>kill -9 of the process and its SQL workers: a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as systemd stops it; does not wait.</summary>
    public void Terminate()
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>The end of the process's log.</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the replica is being disposed
            }
        }
    }
}
