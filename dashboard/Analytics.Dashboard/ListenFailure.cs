using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Analytics.Dashboard;

/// <summary>
/// A dashboard that cannot listen (its port held by another process, or one it may not open) says so in one line on
/// stderr and exits 1, instead of an unhandled exception: it is an operator's setting, not a bug. The host's own log
/// entry ("Hosting failed to start", with the exception) still goes to the log for whoever reads the journal.
/// </summary>
internal static class ListenFailure
{
    /// <summary>The line to print when <paramref name="exception"/> is a failure to listen; null otherwise.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException)
            {
                return $"error: the dashboard cannot listen: {exception.Message} Another process holds the port: stop it, or give this dashboard another address with --Urls (or ASPNETCORE_URLS).";
            }

            if (e is SocketException { SocketErrorCode: SocketError.AccessDenied or SocketError.AddressNotAvailable })
            {
                return $"error: the dashboard cannot listen: {exception.Message} ({e.Message}). Give it an address this machine has and a port this user may open (above 1023 unless it runs with that right) with --Urls (or ASPNETCORE_URLS).";
            }
        }

        return null;
    }
}
