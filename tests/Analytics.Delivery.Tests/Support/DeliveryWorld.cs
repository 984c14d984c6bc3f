using Analytics.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Delivery.Tests.Support;

/// <summary>
/// A deployment for one test: a real accounts database with one account per role (the district official serves
/// 璧山区 500120), a delivery database, a snapshot folder the test publishes to, and a worker whose rounds the test
/// runs one at a time. Briefs come from <see cref="StubBriefs"/> (the dashboard's printer is tested end to end elsewhere).
/// </summary>
public sealed class DeliveryWorld : IDisposable
{
    public const string Leader = "leader";
    public const string Official = "bishan";
    public const string OfficialDistrict = "500120";
    public const string Analyst = "ana";

    private readonly ServiceProvider _accounts;

    public DeliveryWorld()
    {
        Folder = Path.Combine(Path.GetTempPath(), "analytics-delivery-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
        _accounts = AccountsSetup.Standalone(Path.Combine(Folder, "accounts.db"));
        using var scope = _accounts.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
        store.AddAsync(Leader, Roles.Viewer, null).GetAwaiter().GetResult();
        store.AddAsync(Official, Roles.District, OfficialDistrict).GetAwaiter().GetResult();
        store.AddAsync(Analyst, Roles.Analyst, null).GetAwaiter().GetResult();
        Recipients = new AccountsRecipientDirectory(_accounts.GetRequiredService<IServiceScopeFactory>());
    }

    public string Folder { get; }

    public string Snapshots => Path.Combine(Folder, "snapshots");

    public string Database => Path.Combine(Folder, "delivery.db");

    public IRecipientDirectory Recipients { get; }

    public StubBriefs Briefs { get; } = new();

    public DeliveryOptions Options { get; } = new() { RetrySeconds = 0.05, MaxRetrySeconds = 0.2, MaxAttempts = 5 };

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Publishes <paramref name="snapshotFile"/> to the folder the worker follows.</summary>
    public void Publish(string snapshotFile) => RevisedSnapshots.Publish(Snapshots, snapshotFile);

    /// <summary>One round of a worker made afresh (as after a restart); returns what it sent.</summary>
    public Task<int> RoundAsync() =>
        new DeliveryWorker(Options, Database, Snapshots, Recipients, Briefs, "http://dashboard.test", NullLogger.Instance, Time).RunOnceAsync(CancellationToken.None);

    /// <summary>Subscribes through the store, as the page and the command do.</summary>
    public Subscription Subscribe(string user, string brief = BriefKinds.Plan, string plan = "CQ2013", string? district = null, string? cron = null,
        bool onPublish = false, bool alerts = false, string target = DeliveryTargets.Folder, string? address = null, string language = "zh")
    {
        using var db = Db();
        return new SubscriptionStore(db).AddAsync(
            new SubscriptionRequest(user, brief, plan, district, language, cron, null, onPublish, alerts, target, address ?? Path.Combine(Folder, "share", user)),
            plans: null).GetAwaiter().GetResult();
    }

    /// <summary>Disables an account, as an administrator does.</summary>
    public void Disable(string user)
    {
        using var scope = _accounts.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccountStore>().DisableAsync(user).GetAwaiter().GetResult();
    }

    /// <summary>How many snapshots the workers have acted on.</summary>
    public int Seen()
    {
        if (!File.Exists(Database))
        {
            return 0;
        }

        using var db = Db();
        return db.SeenSnapshots.Count();
    }

    public DeliveryDbContext Db() => DeliveryDbContext.Open(Database);

    public List<DeliveryRecord> Deliveries()
    {
        using var db = Db();
        return [.. db.Deliveries.OrderBy(d => d.Id)];
    }

    public void Dispose()
    {
        _accounts.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Briefs without the dashboard: a small PDF naming its page and recipient, counted.</summary>
public sealed class StubBriefs : IBriefRenderer
{
    private int _printed;

    public int Printed => _printed;

    /// <summary>When set, printing fails with it (the printer busy or gone).</summary>
    public Exception? Failure { get; set; }

    public Task<RenderedBrief> RenderAsync(Subscription subscription, Recipient recipient, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        Interlocked.Increment(ref _printed);
        var text = $"%PDF-1.4\n% brief {subscription.Brief} {subscription.Plan} {subscription.District} for {recipient.UserName} ({recipient.Role})\n%%EOF\n";
        return Task.FromResult(new RenderedBrief(System.Text.Encoding.ASCII.GetBytes(text), $"brief-{subscription.Id}.pdf", "http://dashboard.test/"));
    }
}
