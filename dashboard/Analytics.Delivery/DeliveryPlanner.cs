using System.Text.Json;
using Analytics.Snapshots;
using Cronos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Analytics.Delivery;

/// <summary>
/// Decides what to send, and records it before anything is sent: after a new snapshot, each subscription's alert (the
/// status changes in its scope that its recipient may see; none when nothing changed) and its on-publish brief; when a
/// schedule comes due, its brief of the current snapshot. The first snapshot a deployment sees is its baseline: nothing
/// is sent for it.
/// </summary>
public sealed partial class DeliveryPlanner(DeliveryDbContext db, IRecipientDirectory recipients, ILogger logger)
{
    private readonly DeliveryLedger _ledger = new(db);

    /// <summary>Acts on the snapshot <paramref name="snapshotsPath"/> names now, if it is new; returns the deliveries decided.</summary>
    public async Task<int> OnPublishAsync(string snapshotsPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!SnapshotResolver.TryResolve(snapshotsPath, out var file, out _))
        {
            return 0;
        }

        var name = Path.GetFileNameWithoutExtension(file);
        if (await db.SeenSnapshots.AnyAsync(s => s.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var seen = await db.SeenSnapshots.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var decided = 0;
        if (seen.Count == 0)
        {
            Baseline(logger, name);
        }
        else
        {
            var previous = seen.OrderByDescending(s => s.SeenAt).FirstOrDefault(s => File.Exists(s.Path));
            var changes = previous is null ? [] : StatusBoard.Changes(StatusBoard.Read(previous.Path), StatusBoard.Read(file));
            if (previous is null)
            {
                NoPrevious(logger, name);
            }

            foreach (var subscription in await Active(cancellationToken).ConfigureAwait(false))
            {
                if (await recipients.FindAsync(subscription.UserName, cancellationToken).ConfigureAwait(false) is not { } recipient)
                {
                    NoRecipient(logger, subscription.Id, subscription.UserName);
                    continue;
                }

                var theirs = subscription.Alerts ? StatusBoard.For(changes, subscription, recipient) : [];
                if (theirs.Count > 0 && await _ledger.DecideAsync(subscription, DeliveryKinds.Alert, name, "publish", JsonSerializer.Serialize(theirs), now, cancellationToken).ConfigureAwait(false))
                {
                    decided++;
                }

                if (subscription.OnPublish && await _ledger.DecideAsync(subscription, DeliveryKinds.Brief, name, "publish", null, now, cancellationToken).ConfigureAwait(false))
                {
                    decided++;
                }
            }

            Published(logger, name, previous?.Name ?? "-", changes.Count, decided);
        }

        db.SeenSnapshots.Add(new SeenSnapshot { Name = name, Path = file, SeenAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another worker recorded it first: its decisions and ours are the same rows.
            db.ChangeTracker.Clear();
        }

        return decided;
    }

    /// <summary>Decides the brief of every subscription whose schedule came due by <paramref name="now"/>; returns how many.</summary>
    public async Task<int> OnScheduleAsync(string snapshotsPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = SnapshotResolver.TryResolve(snapshotsPath, out var file, out _) ? Path.GetFileNameWithoutExtension(file) : null;
        var decided = 0;
        foreach (var subscription in (await Active(cancellationToken).ConfigureAwait(false)).Where(s => s.Cron is not null))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
            var from = DateTime.SpecifyKind(subscription.ScheduledThrough, DateTimeKind.Utc);
            var due = CronExpression.Parse(subscription.Cron!).GetOccurrences(from, now.UtcDateTime, zone, fromInclusive: false, toInclusive: true).LastOrDefault();
            if (due == default || snapshot is null)
            {
                continue;
            }

            var occasion = $"schedule {TimeZoneInfo.ConvertTimeFromUtc(due, zone):yyyy-MM-dd HH:mm} {subscription.TimeZone}";
            if (await _ledger.DecideAsync(subscription, DeliveryKinds.Brief, snapshot, occasion, null, now, cancellationToken).ConfigureAwait(false))
            {
                decided++;
            }
            else
            {
                AlreadySent(logger, subscription.Id, snapshot);
            }

            await db.Subscriptions.Where(s => s.Id == subscription.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledThrough, now.UtcDateTime), cancellationToken).ConfigureAwait(false);
        }

        return decided;
    }

    private Task<List<Subscription>> Active(CancellationToken cancellationToken) =>
        db.Subscriptions.AsNoTracking().Where(s => s.UnsubscribedAt == null).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery: snapshot {Snapshot} is the first seen; it is the baseline of later alerts, nothing is sent for it")]
    private static partial void Baseline(ILogger logger, string snapshot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery: no earlier snapshot file is left to compare {Snapshot} with; no alerts for it")]
    private static partial void NoPrevious(ILogger logger, string snapshot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery: subscription {Id}'s account {User} is removed, disabled or has no role; nothing is sent to it")]
    private static partial void NoRecipient(ILogger logger, int id, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery: snapshot {Snapshot} published (compared with {Previous}: {Changes} statuses changed); {Decided} deliveries decided")]
    private static partial void Published(ILogger logger, string snapshot, string previous, int changes, int decided);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery: subscription {Id}'s scheduled brief of {Snapshot} was already decided; not sent twice")]
    private static partial void AlreadySent(ILogger logger, int id, string snapshot);
}
