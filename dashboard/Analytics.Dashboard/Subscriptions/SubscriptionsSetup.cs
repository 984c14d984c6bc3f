using Analytics.Dashboard.Accounts;
using Analytics.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Dashboard.Subscriptions;

/// <summary>
/// The subscriptions page's and API's services: the delivery database (<c>Analytics:Delivery:Database</c>, by default
/// <c>delivery.db</c> beside the accounts database), its <see cref="SubscriptionStore"/>, and the signed-in reader's
/// view of it (<see cref="ReaderSubscriptions"/>).
/// </summary>
internal static class SubscriptionsSetup
{
    /// <summary>The key of this feature's own delivery database context (the delivery worker keeps its own).</summary>
    public const string ContextKey = "subscriptions";

    public static WebApplicationBuilder AddSubscriptions(this WebApplicationBuilder builder)
    {
        var database = DatabasePath(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new SubscriptionDatabase(database));
        builder.Services.AddKeyedScoped(ContextKey, (services, _) => services.GetRequiredService<SubscriptionDatabase>().Open());
        builder.Services.TryAddScoped(services => new SubscriptionStore(services.GetRequiredKeyedService<DeliveryDbContext>(ContextKey), services.GetService<TimeProvider>()));
        builder.Services.AddScoped<ReaderSubscriptions>();
        return builder;
    }

    /// <summary>The delivery database: <c>Analytics:Delivery:Database</c>, else <c>delivery.db</c> beside the accounts database; relative to the content root.</summary>
    public static string DatabasePath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[DeliveryOptions.Section + ":Database"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var accounts = Path.GetFullPath(configuration[AccountsOptions.Section + ":Database"] is { Length: > 0 } a ? a : new AccountsOptions().Database, contentRoot);
        return Path.Combine(Path.GetDirectoryName(accounts)!, "delivery.db");
    }
}

/// <summary>The delivery database file; its schema is made by the first context opened on it.</summary>
internal sealed class SubscriptionDatabase(string path)
{
    private readonly Lock _gate = new();
    private bool _created;

    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>A context on the file (the schema created, and WAL set, on the first call only).</summary>
    public DeliveryDbContext Open()
    {
        lock (_gate)
        {
            if (!_created)
            {
                DeliveryDbContext.Open(Path).Dispose();
                _created = true;
            }
        }

        return DeliveryDbContext.Connect(Path);
    }
}
