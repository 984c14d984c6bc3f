using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Analytics.TestSupport;

/// <summary>
/// A real SMTP server on loopback for delivery tests: a private Postfix instance run by <c>scripts/smtp-server.sh</c>
/// in a temporary folder, on a free port of 127.0.0.1. It accepts mail for any address at any domain and delivers every
/// message (one copy per recipient) into one maildir, which <see cref="Messages"/> reads back.
/// </summary>
/// <remarks>
/// One server per test process (<see cref="Shared"/>), started by the first test that asks. Tests that stop it
/// (<see cref="StopAsync"/>) stop it for every test of the process, so they run in one xUnit collection. The server is
/// stopped and its folder deleted when the process exits, or, if the test host was killed first, by the next run.
/// Postfix's master runs as root, so the tests that use it need root (as the test machine runs them).
/// </remarks>
public sealed class LocalSmtpServer : IDisposable
{
    private const string FolderPrefix = "analytics-smtp-";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3); // the first start may install Postfix
    private static readonly Lazy<LocalSmtpServer> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string script;
    private bool disposed;

    private LocalSmtpServer(string script, string folder, int port)
    {
        this.script = script;
        Folder = folder;
        Port = port;
    }

    /// <summary>The server of this test process, started on first use.</summary>
    public static LocalSmtpServer Shared => Instance.Value;

    /// <summary>The address the server listens on: always the loopback address.</summary>
    public string Host { get; } = "127.0.0.1";

    /// <summary>The server's port on <see cref="Host"/>; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>The server's folder: its configuration (<c>etc/</c>), queue, logs (<c>log/</c>) and the maildir (<c>maildir/</c>).</summary>
    public string Folder { get; }

    /// <summary>The maildir every message is delivered to.</summary>
    public string Maildir => Path.Combine(Folder, "maildir");

    /// <summary>Starts the server again on the same port and folder (nothing happens when it is running).</summary>
    /// <param name="cancellationToken">Stops waiting for the script.</param>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunScriptAsync(script, cancellationToken, "start", Folder, Port.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the server: when this returns, nothing listens on <see cref="Port"/>. Delivered mail stays.</summary>
    /// <param name="cancellationToken">Stops waiting for the script.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunScriptAsync(script, cancellationToken, "stop", Folder).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every message delivered so far, oldest first, parsed (its <c>To</c>, subject, body parts, attachments).</summary>
    /// <returns>One message per delivered copy: a message sent to two recipients is there twice.</returns>
    public IReadOnlyList<MimeMessage> Messages()
    {
        // Postfix writes each message into maildir/tmp and renames it into new/, so every file here is complete.
        var files = new[] { "new", "cur" }
            .Select(sub => Path.Combine(Maildir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(file => new FileInfo(file))
            .OrderBy(file => file.LastWriteTimeUtc)
            .ThenBy(file => file.Name, StringComparer.Ordinal);
        return files.Select(file => MimeMessage.Load(file.FullName)).ToList();
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> delivered messages match <paramref name="filter"/>, polling the
    /// maildir, and returns those that match.
    /// </summary>
    /// <param name="filter">Which messages count, for example those with one test's subject.</param>
    /// <param name="count">How many must have arrived.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns>Every matching message (possibly more than <paramref name="count"/>).</returns>
    /// <exception cref="TimeoutException">Fewer than <paramref name="count"/> arrived within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(Func<MimeMessage, bool> filter, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var matching = Messages().Where(filter).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"{matching.Count} of {count} expected messages arrived in {Maildir} within {timeout.TotalSeconds:0.#} s " +
                    $"({Messages().Count} messages in all; the server's log: {Path.Combine(Folder, "log", "postfix.log")}).");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        StopAndDelete(script, Folder);
        gate.Dispose();
    }

    private void StopAndDeleteAtExit()
    {
        if (!disposed)
        {
            disposed = true;
            StopAndDeleteDetached(script, Folder);
        }
    }

    private static LocalSmtpServer Create()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "scripts", "smtp-server.sh");
        DeleteLeftovers(script);
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        var server = new LocalSmtpServer(script, folder, FreePort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAndDeleteAtExit();
        server.StartAsync().GetAwaiter().GetResult();
        return server;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Analytics.sln above {AppContext.BaseDirectory}: the SMTP server's script is found from the repository root.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunScriptAsync(string script, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{script} {string.Join(' ', arguments)}' did not finish within {ScriptTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{script} {string.Join(' ', arguments)}' failed (exit {process.ExitCode}): {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    /// <summary>Runs the script's <c>clean</c>: stops the server and deletes its folder.</summary>
    private static void StopAndDelete(string script, string folder)
    {
        try
        {
            RunScriptAsync(script, CancellationToken.None, "clean", folder).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // A server or folder left here is stopped and deleted by the next run's DeleteLeftovers.
        }
    }

    /// <summary>
    /// At process exit: the test runner kills the test host soon after the last test, often before a stop that waits
    /// for the server would end, so the script runs in a session of its own (<c>setsid -f</c>) that outlives the host.
    /// </summary>
    private static void StopAndDeleteDetached(string script, string folder)
    {
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        // Its output goes nowhere: the host's pipes close when the host ends, and a write to them would kill it.
        foreach (var argument in new[] { "-f", "bash", "-c", "exec bash \"$0\" clean \"$1\" >/dev/null 2>&1 </dev/null", script, folder })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid: the next run's DeleteLeftovers stops the server and deletes the folder.
        }
    }

    /// <summary>Stops the servers of test processes that ended before their exit handlers ran, and deletes their folders.</summary>
    private static void DeleteLeftovers(string script)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                StopAndDelete(script, folder);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
