using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Delivery;

/// <summary>
/// The delivery log's transitions, each one statement that either happens or not: decide (insert; the unique key makes
/// a second decision for the same subscription, kind and snapshot a no-op), claim (pending → sending, only if still
/// pending), transmit, and the outcomes. Safe with several workers (dashboard replicas) on one database.
/// </summary>
public sealed class DeliveryLedger(DeliveryDbContext db)
{
    /// <summary>How long a claim holds: longer than printing a brief and one SMTP exchange.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Records a delivery to make; false when one was already decided for that subscription, kind and snapshot.</summary>
    public async Task<bool> DecideAsync(Subscription subscription, string kind, string snapshot, string occasion, string? content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var record = new DeliveryRecord
        {
            SubscriptionId = subscription.Id, Kind = kind, Snapshot = snapshot, Occasion = occasion, Content = content,
            State = DeliveryStates.Pending, NextAttemptAt = now.UtcDateTime, DecidedAt = now,
            MessageId = $"{kind}.{subscription.Id}.{snapshot}@analytics.delivery",
        };
        db.Deliveries.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.Entry(record).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// Takes back the claims of senders that ended: a delivery still <c>sending</c> past its lease had sent nothing and
    /// is pending again; one <c>transmitting</c> past it may have reached the server and becomes <c>unconfirmed</c>.
    /// </summary>
    public async Task<int> ReclaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var retried = await db.Deliveries.Where(d => d.State == DeliveryStates.Sending && d.ClaimedUntil < at)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryStates.Pending).SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false);
        var unknown = await db.Deliveries.Where(d => d.State == DeliveryStates.Transmitting && d.ClaimedUntil < at)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryStates.Unconfirmed)
                .SetProperty(d => d.LastError, "the sender ended while transmitting; the server may have taken it"), cancellationToken).ConfigureAwait(false);
        return retried + unknown;
    }

    /// <summary>The pending deliveries due at <paramref name="now"/>, oldest first.</summary>
    public Task<List<long>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        return db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryStates.Pending && d.NextAttemptAt <= at)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Claims delivery <paramref name="id"/> for this sender; null when another took it first.</summary>
    public async Task<DeliveryRecord?> ClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = (now + Lease).UtcDateTime;
        var claimed = await db.Deliveries.Where(d => d.Id == id && d.State == DeliveryStates.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryStates.Sending).SetProperty(d => d.ClaimedUntil, until)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken).ConfigureAwait(false);
        return claimed == 1 ? await db.Deliveries.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Records that the message is about to go out (after this, a crash leaves its outcome unknown).</summary>
    public Task<int> TransmittingAsync(long id, CancellationToken cancellationToken) => Move(id, DeliveryStates.Sending, DeliveryStates.Transmitting, null, cancellationToken);

    /// <summary>Records that the server or the folder took it.</summary>
    public async Task SentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Deliveries.Where(d => d.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryStates.Sent).SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null).SetProperty(d => d.LastError, (string?)null), cancellationToken).ConfigureAwait(false);

    /// <summary>Records a failed attempt: pending again at <paramref name="retryAt"/>, or failed for good when null.</summary>
    public async Task FailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var state = retryAt is null ? DeliveryStates.Failed : DeliveryStates.Pending;
        var next = (retryAt ?? DateTimeOffset.MaxValue).UtcDateTime;
        await db.Deliveries.Where(d => d.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, state).SetProperty(d => d.LastError, error)
                .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an outcome without an attempt (cancelled, unconfirmed).</summary>
    public Task<int> EndAsync(long id, string state, string? why, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, state).SetProperty(d => d.LastError, why).SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken);

    private Task<int> Move(long id, string from, string to, string? why, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.Id == id && d.State == from)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, to).SetProperty(d => d.LastError, why), cancellationToken);
}
