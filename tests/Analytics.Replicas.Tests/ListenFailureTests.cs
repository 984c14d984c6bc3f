using System.Net;
using System.Net.Sockets;
using Analytics.Replicas.Tests.Support;

namespace Analytics.Replicas.Tests;

/// <summary>A replica started on a port another process holds (a mistake in a unit's instance name, a second start).</summary>
public sealed class ListenFailureTests
{
    [Fact]
    public async Task A_dashboard_whose_port_is_taken_exits_1_with_one_line_on_stderr_and_no_unhandled_exception()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var folder = Path.Combine(Path.GetTempPath(), "analytics-listen-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = Repository.DashboardRoot, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[]
            {
                Repository.DashboardDll, $"--Urls=http://127.0.0.1:{port}", $"--Analytics:Snapshots={folder}/snapshots",
                $"--Analytics:Accounts:Database={folder}/accounts.db", $"--Analytics:Accounts:AccessLog={folder}/access.jsonl",
                $"--Analytics:SqlConsole:AuditLog={folder}/sql-audit.jsonl", $"--Analytics:Replica:DataProtectionKeys={folder}/keys",
            })
            {
                start.ArgumentList.Add(a);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await process.WaitForExitAsync(timeout.Token);
            }

            var stderr = await error;
            var all = await output + stderr;
            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
            Assert.Contains("error: the dashboard cannot listen", stderr, StringComparison.Ordinal);
            // One line on stderr; the host's own log (stdout, the journal under systemd) keeps the detail.
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
