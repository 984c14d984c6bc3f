using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Etl.Tests.Sources;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a port the OS picks. Each request is recorded and handed to the
/// test's handler with its 1-based number, so a test can script "503, 503, then 200".
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private LocalHttpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests received so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The headers of every request, in arrival order.</summary>
    public ConcurrentQueue<IHeaderDictionary> Requests { get; } = new();

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<LocalHttpServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Run(context =>
        {
            var n = Interlocked.Increment(ref server._count);
            server.Requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            return handler(context, n);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
