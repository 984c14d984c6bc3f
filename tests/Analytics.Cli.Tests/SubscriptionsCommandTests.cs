using Analytics.Accounts;
using Analytics.Cli.Tests.Support;
using Analytics.Delivery;
using Analytics.DuckDb;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests;

/// <summary><c>analytics subscriptions</c>: add (with its checks), list, remove, log and resend, run in-process.</summary>
public sealed class SubscriptionsCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "subscriptions-tests-" + Guid.NewGuid().ToString("N"));

    public SubscriptionsCommandTests()
    {
        Directory.CreateDirectory(_root);
        using (var services = AccountsSetup.Standalone(Accounts))
        using (var scope = services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
            store.AddAsync("leader", Roles.Viewer, null).GetAwaiter().GetResult();
            store.AddAsync("bishan", Roles.District, "500120").GetAwaiter().GetResult();
            store.AddAsync("gone", Roles.Viewer, null).GetAwaiter().GetResult();
            store.DisableAsync("gone").GetAwaiter().GetResult();
        }

        using (var connection = new DuckDbConnection($"Data Source={Snapshot}"))
        {
            connection.Open();
            using var command = connection.CreateCommand(
                "CREATE TABLE mart_plan_district AS SELECT * FROM (VALUES ('CQ2013', '500103'), ('CQ2013', '500120'), ('YY2020', '430602')) t(plan, district_code)");
            command.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A handle may still be closing; the temp folder is cleaned by the OS.
        }
    }

    private string Accounts => Path.Combine(_root, "accounts.db");

    private string Delivery => Path.Combine(_root, "delivery.db");

    private string Snapshot => Path.Combine(_root, "warehouse-test.duckdb");

    private Task<CommandRun> Run(params string[] args) =>
        CommandRun.InvokeAsync(["subscriptions", "--db", Delivery, "--accounts", Accounts, .. args]);

    private Task<CommandRun> Add(params string[] args) => Run(["add", .. args, "--snapshot", Snapshot]);

    private List<Subscription> Stored()
    {
        using var db = DeliveryDbContext.Open(Delivery);
        return new SubscriptionStore(db).ListAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Add_stores_a_weekly_plan_brief_and_list_shows_it()
    {
        var run = await Add("leader", "--brief", "plan", "--plan", "CQ2013", "--cron", "0 8 * * 1", "--alerts", "--email", "leader@example.gov.cn");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Errors);
        Assert.Empty(run.Errors);
        var s = Assert.Single(Stored());
        Assert.Equal(("leader", BriefKinds.Plan, "CQ2013", "0 8 * * 1", "Asia/Shanghai", true, "leader@example.gov.cn"), (s.UserName, s.Brief, s.Plan, s.Cron, s.TimeZone, s.Alerts, s.Address));
        Assert.Contains($"Subscription {s.Id}", run.Output, StringComparison.Ordinal);

        var list = await Run("list", "leader");
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains("leader@example.gov.cn", list.Output, StringComparison.Ordinal);
        Assert.Contains("0 8 * * 1 (Asia/Shanghai)", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("leader@example.gov.cn", (await Run("list", "bishan")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_official_gets_their_own_district_brief_in_english_to_a_folder()
    {
        var folder = Path.Combine(_root, "share");
        var run = await Add("bishan", "--brief", "district", "--plan", "CQ2013", "--district", "500120", "--lang", "en", "--on-publish", "--folder", folder);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Errors);
        var s = Assert.Single(Stored());
        Assert.Equal((BriefKinds.District, "500120", "en", DeliveryTargets.Folder, folder, true), (s.Brief, s.District, s.Language, s.Target, s.Address, s.OnPublish));
    }

    [Fact]
    public async Task Add_stores_the_account_under_its_own_spelling()
    {
        var run = await Add("Leader", "--brief", "plan", "--plan", "YY2020", "--on-publish", "--email", "leader@example.gov.cn");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Errors);
        Assert.Equal("leader", Assert.Single(Stored()).UserName);
    }

    [Theory]
    [InlineData("nobody", "there is no account 'nobody'")]
    [InlineData("gone", "is disabled")]
    public async Task Add_refuses_an_unknown_or_disabled_account(string user, string message)
    {
        var run = await Add(user, "--brief", "plan", "--plan", "CQ2013", "--alerts", "--email", "a@example.gov.cn");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Errors, StringComparison.Ordinal);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(Stored());
    }

    [Theory]
    [InlineData("is not a cron expression of five fields", new[] { "--brief", "plan", "--plan", "CQ2013", "--cron", "0 8 * *", "--email", "a@example.gov.cn" })]
    [InlineData("a plan brief takes no district", new[] { "--brief", "plan", "--plan", "CQ2013", "--district", "500120", "--alerts", "--email", "a@example.gov.cn" })]
    [InlineData("is not an e-mail address", new[] { "--brief", "plan", "--plan", "CQ2013", "--alerts", "--email", "not-an-address" })]
    [InlineData("is not an absolute path", new[] { "--brief", "plan", "--plan", "CQ2013", "--alerts", "--folder", "briefs/out" })]
    [InlineData("plan 'XX1999' is not one of CQ2013, YY2020", new[] { "--brief", "plan", "--plan", "XX1999", "--alerts", "--email", "a@example.gov.cn" })]
    [InlineData("district '430602' is not a district of plan CQ2013", new[] { "--brief", "district", "--plan", "CQ2013", "--district", "430602", "--alerts", "--email", "a@example.gov.cn" })]
    [InlineData("it would send nothing", new[] { "--brief", "plan", "--plan", "CQ2013", "--email", "a@example.gov.cn" })]
    [InlineData("give --email ADDRESS or --folder PATH", new[] { "--brief", "plan", "--plan", "CQ2013", "--alerts" })]
    public async Task Add_refuses_a_subscription_that_cannot_be_made_with_one_error_line(string message, string[] args)
    {
        var run = await Add(["leader", .. args]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
        Assert.Single(run.Errors.TrimEnd().Split('\n'));
        Assert.Empty(run.Output);
        Assert.Empty(Stored());
    }

    [Fact]
    public async Task A_schedule_in_words_is_refused_and_named_in_the_error()
    {
        var run = await Add("leader", "--brief", "plan", "--plan", "CQ2013", "--cron", "every monday", "--email", "a@example.gov.cn");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'every monday'", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_official_cannot_subscribe_to_another_district()
    {
        var run = await Add("bishan", "--brief", "district", "--plan", "CQ2013", "--district", "500103", "--alerts", "--email", "b@example.gov.cn");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("district official of 500120", run.Errors, StringComparison.Ordinal);
        Assert.Empty(Stored());
    }

    [Fact]
    public async Task An_explicit_snapshot_that_does_not_exist_is_refused()
    {
        var run = await Run("add", "leader", "--brief", "plan", "--plan", "CQ2013", "--alerts", "--email", "a@example.gov.cn", "--snapshot", Path.Combine(_root, "absent"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("absent", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_ends_a_subscription_and_an_unknown_id_exits_2()
    {
        Assert.Equal(ExitCodes.Ok, (await Add("leader", "--brief", "plan", "--plan", "CQ2013", "--alerts", "--email", "a@example.gov.cn")).ExitCode);
        var id = Assert.Single(Stored()).Id;

        var removed = await Run("remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.Ok, removed.ExitCode);
        Assert.Empty(Stored());

        var again = await Run("remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains($"no active subscription {id}", again.Errors, StringComparison.Ordinal);

        var unknown = await Run("remove", "999");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Empty(unknown.Output);
    }

    [Fact]
    public async Task Log_lists_the_deliveries_and_resend_takes_back_only_an_unconfirmed_or_failed_one()
    {
        Assert.Equal(ExitCodes.Ok, (await Add("leader", "--brief", "plan", "--plan", "CQ2013", "--alerts", "--email", "a@example.gov.cn")).ExitCode);
        var id = Assert.Single(Stored()).Id;
        using (var db = DeliveryDbContext.Open(Delivery))
        {
            db.Deliveries.Add(new DeliveryRecord { SubscriptionId = id, Kind = DeliveryKinds.Alert, Snapshot = "warehouse-a", Occasion = "publish", State = DeliveryStates.Unconfirmed, Attempts = 1, LastError = "connection lost", MessageId = "a@x" });
            db.Deliveries.Add(new DeliveryRecord { SubscriptionId = id, Kind = DeliveryKinds.Brief, Snapshot = "warehouse-a", Occasion = "publish", State = DeliveryStates.Sent, Attempts = 1, MessageId = "b@x", SentAt = DateTimeOffset.UtcNow });
            db.SaveChanges();
        }

        var log = await Run("log", "--limit", "10");
        Assert.Equal(ExitCodes.Ok, log.ExitCode);
        Assert.Contains("connection lost", log.Output, StringComparison.Ordinal);
        Assert.Contains("unconfirmed", log.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, (await Run("resend", "1")).ExitCode);
        using (var db = DeliveryDbContext.Open(Delivery))
        {
            Assert.Equal(DeliveryStates.Pending, db.Deliveries.Single(d => d.Id == 1).State);
        }

        var sent = await Run("resend", "2");
        Assert.Equal(ExitCodes.Usage, sent.ExitCode);
        Assert.Contains("is sent", sent.Errors, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, (await Run("log", "--limit", "0")).ExitCode);
    }

    [Fact]
    public async Task Help_lists_the_subscriptions_command()
    {
        var run = await CommandRun.InvokeAsync(["--help"]);

        Assert.Contains("subscriptions", run.Output, StringComparison.Ordinal);
    }
}
