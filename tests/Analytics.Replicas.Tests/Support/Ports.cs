using System.Net;
using System.Net.Sockets;

namespace Analytics.Replicas.Tests.Support;

internal static class Ports
{
    /// <summary>A loopback port free now.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
