using Analytics.Delivery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Delivery.Tests;

/// <summary>
/// Schedules and the at-most-once rule: a due schedule sends its brief once; a worker made afresh (a restart) never
/// decides or sends a delivery twice; a sender that died before transmitting is retried, one that died while
/// transmitting is left unconfirmed for a person to check; an ended subscription's pending deliveries are cancelled.
/// </summary>
public sealed class ScheduleAndRestartTests : IDisposable
{
    private readonly DeliveryWorld _world = new();

    [Fact]
    public async Task A_schedule_that_comes_due_sends_its_brief_once_with_the_pdf()
    {
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync(); // the baseline
        var subscription = _world.Subscribe(DeliveryWorld.Leader, cron: "* * * * *");
        using (var db = _world.Db())
        {
            await db.Subscriptions.Where(s => s.Id == subscription.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledThrough, DateTime.UtcNow.AddMinutes(-5)));
        }

        Assert.Equal(1, await _world.RoundAsync());
        Assert.Equal(0, await _world.RoundAsync());
        Assert.Equal(0, await _world.RoundAsync());

        var brief = Assert.Single(_world.Deliveries());
        Assert.StartsWith("schedule ", brief.Occasion, StringComparison.Ordinal);
        Assert.EndsWith("Asia/Shanghai", brief.Occasion, StringComparison.Ordinal);
        var pdf = Assert.Single(Directory.GetFiles(Path.Combine(subscription.Address, brief.Snapshot)));
        Assert.StartsWith("%PDF", File.ReadAllText(pdf), StringComparison.Ordinal);
        Assert.Contains("for leader (viewer)", File.ReadAllText(pdf), StringComparison.Ordinal);
        Assert.Equal(1, _world.Briefs.Printed);
    }

    [Fact]
    public async Task A_schedule_not_yet_due_sends_nothing_and_one_due_again_for_the_same_snapshot_sends_nothing_twice()
    {
        _world.Publish(RevisedSnapshots.Before);
        var subscription = _world.Subscribe(DeliveryWorld.Leader, cron: "0 8 * * 1");
        Assert.Equal(0, await _world.RoundAsync());
        Assert.Empty(_world.Deliveries());

        // Due twice (two Mondays passed), one snapshot: one brief.
        using (var db = _world.Db())
        {
            await db.Subscriptions.Where(s => s.Id == subscription.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledThrough, DateTime.UtcNow.AddDays(-15)));
        }

        Assert.Equal(1, await _world.RoundAsync());
        using (var db = _world.Db())
        {
            await db.Subscriptions.Where(s => s.Id == subscription.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledThrough, DateTime.UtcNow.AddDays(-8)));
        }

        Assert.Equal(0, await _world.RoundAsync());
        Assert.Single(_world.Deliveries());
    }

    [Fact]
    public async Task A_restart_between_deciding_and_sending_sends_once()
    {
        _world.Subscribe(DeliveryWorld.Analyst, alerts: true, onPublish: true);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);

        // Decided, then the process ends before sending.
        using (var db = _world.Db())
        {
            Assert.Equal(2, await new DeliveryPlanner(db, _world.Recipients, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
                .OnPublishAsync(_world.Snapshots, DateTimeOffset.UtcNow, CancellationToken.None));
        }

        // A new process: it decides nothing again and sends each once.
        Assert.Equal(2, await _world.RoundAsync());
        Assert.Equal(0, await _world.RoundAsync());
        Assert.All(_world.Deliveries(), d => Assert.Equal((DeliveryStates.Sent, 1), (d.State, d.Attempts)));
        Assert.Equal(2, _world.Deliveries().Count);
        Assert.Equal(1, _world.Briefs.Printed);
    }

    [Fact]
    public async Task A_sender_that_died_before_transmitting_is_retried_and_one_that_died_while_transmitting_is_not_sent_again()
    {
        var now = new ManualTime(DateTimeOffset.UtcNow);
        _world.Time = now;
        _world.Subscribe(DeliveryWorld.Analyst, onPublish: true);
        _world.Subscribe(DeliveryWorld.Leader, onPublish: true);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);
        using (var db = _world.Db())
        {
            await new DeliveryPlanner(db, _world.Recipients, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).OnPublishAsync(_world.Snapshots, now.GetUtcNow(), CancellationToken.None);
            var ledger = new DeliveryLedger(db);
            var (first, second) = (_world.Deliveries()[0].Id, _world.Deliveries()[1].Id);
            Assert.NotNull(await ledger.ClaimAsync(first, now.GetUtcNow(), CancellationToken.None));   // died while printing
            Assert.NotNull(await ledger.ClaimAsync(second, now.GetUtcNow(), CancellationToken.None));  // died inside the SMTP exchange
            Assert.Equal(1, await ledger.TransmittingAsync(second, CancellationToken.None));
        }

        // Their claims hold while the lease runs: nothing is sent by another process meanwhile.
        Assert.Equal(0, await _world.RoundAsync());
        now.Advance(DeliveryLedger.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _world.RoundAsync());

        var states = _world.Deliveries().Select(d => (d.State, d.Attempts)).ToList();
        Assert.Equal([(DeliveryStates.Sent, 2), (DeliveryStates.Unconfirmed, 1)], states);
        Assert.Equal(1, _world.Briefs.Printed);

        // A person checked: it did not arrive. Resend sends it once more.
        using (var db = _world.Db())
        {
            await new SubscriptionStore(db).ResendAsync(_world.Deliveries()[1].Id);
        }

        Assert.Equal(1, await _world.RoundAsync());
        Assert.Equal(DeliveryStates.Sent, _world.Deliveries()[1].State);
    }

    [Fact]
    public async Task A_failing_printer_is_retried_with_back_off_and_given_up_after_the_last_attempt()
    {
        var now = new ManualTime(DateTimeOffset.UtcNow);
        _world.Time = now;
        _world.Subscribe(DeliveryWorld.Leader, onPublish: true);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);
        _world.Briefs.Failure = new InvalidOperationException("the printer is busy");

        for (var attempt = 1; attempt <= _world.Options.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await _world.RoundAsync());
            var d = Assert.Single(_world.Deliveries());
            Assert.Equal(attempt, d.Attempts);
            Assert.Contains("the printer is busy", d.LastError, StringComparison.Ordinal);
            Assert.Equal(attempt < _world.Options.MaxAttempts ? DeliveryStates.Pending : DeliveryStates.Failed, d.State);
            Assert.Equal(0, await _world.RoundAsync()); // not due yet
            now.Advance(TimeSpan.FromSeconds(_world.Options.MaxRetrySeconds + 1));
        }

        Assert.Equal(0, await _world.RoundAsync());
        Assert.Equal(DeliveryStates.Failed, Assert.Single(_world.Deliveries()).State);
    }

    [Fact]
    public async Task Ending_a_subscription_cancels_what_it_had_pending_and_a_disabled_account_gets_nothing()
    {
        var ended = _world.Subscribe(DeliveryWorld.Leader, onPublish: true);
        _world.Subscribe(DeliveryWorld.Official, brief: BriefKinds.District, district: DeliveryWorld.OfficialDistrict, onPublish: true);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);
        using (var db = _world.Db())
        {
            await new DeliveryPlanner(db, _world.Recipients, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).OnPublishAsync(_world.Snapshots, DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.NotNull(await new SubscriptionStore(db).UnsubscribeAsync(ended.UnsubscribeToken));
            Assert.Null(await new SubscriptionStore(db).UnsubscribeAsync("0123456789abcdef0123456789abcdef"));
        }

        _world.Disable(DeliveryWorld.Official);
        Assert.Equal(0, await _world.RoundAsync());
        Assert.Equal([DeliveryStates.Cancelled, DeliveryStates.Cancelled], _world.Deliveries().Select(d => d.State));
        Assert.Contains("disabled", _world.Deliveries()[1].LastError, StringComparison.Ordinal);
        Assert.Equal(0, _world.Briefs.Printed);
    }

    public void Dispose() => _world.Dispose();
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
