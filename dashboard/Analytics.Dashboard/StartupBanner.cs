using Analytics.Dashboard.Snapshots;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Analytics.Dashboard;

/// <summary>Tells the person who started the dashboard where it is and what it serves.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var source = app.Services.GetRequiredService<SnapshotSource>();
        var snapshot = source.Current;
        foreach (var address in addresses)
        {
            Console.WriteLine($"Dashboard: {address}/");
        }

        Console.WriteLine(snapshot is null
            ? $"No snapshot yet: {source.Problem} (the dashboard picks one up as soon as it appears)."
            : snapshot.Fallback is { } fallback
                ? $"Serving the older snapshot {snapshot.Path}: the current snapshot {fallback.Wanted} is damaged ({fallback.Reason})."
                : $"Serving snapshot {snapshot.Path}");

        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Analytics.Accounts.AccountStore>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Accounts.AccountsOptions>>().Value;
        if (!accounts.AnyAsync().GetAwaiter().GetResult())
        {
            var database = Path.GetFullPath(options.Database, app.Environment.ContentRootPath);
            Console.WriteLine($"No accounts yet: nobody can sign in. Make the first administrator with");
            Console.WriteLine($"  analytics users add <name> --role admin --db {database}");
        }
        else if (options.DemoAccountsFile is { Length: > 0 } demo)
        {
            Console.WriteLine($"Sign in with a demo account (one per role) from {demo}");
        }
    }
}
