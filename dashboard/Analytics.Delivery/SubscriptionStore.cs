using System.Security.Cryptography;
using Cronos;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Analytics.Delivery;

/// <summary>A subscription as asked for (by the page or <c>analytics subscriptions add</c>), before it is checked.</summary>
public sealed record SubscriptionRequest(
    string UserName, string Brief, string Plan, string? District, string Language, string? Cron, string? TimeZone,
    bool OnPublish, bool Alerts, string Target, string Address);

/// <summary>A subscription that cannot be made or found, with what to fix.</summary>
public sealed class SubscriptionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubscriptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SubscriptionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SubscriptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Makes, lists and ends subscriptions; the one set of rules for the page and the command.</summary>
public sealed class SubscriptionStore(DeliveryDbContext db, TimeProvider? time = null)
{
    /// <summary>The time zone of a schedule when none is given: the plans' cities keep China Standard Time.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Checks <paramref name="request"/> and stores it. <paramref name="plans"/>: the plans and their districts a
    /// subscription may name (from the current snapshot); null skips that check.
    /// </summary>
    public async Task<Subscription> AddAsync(SubscriptionRequest request, IReadOnlyDictionary<string, IReadOnlySet<string>>? plans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subscription = Check(request, plans);
        subscription.UnsubscribeToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        subscription.CreatedAt = _time.GetUtcNow();
        subscription.ScheduledThrough = subscription.CreatedAt.UtcDateTime;
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <summary>The active subscriptions (of <paramref name="userName"/> only, when given), oldest first.</summary>
    public async Task<List<Subscription>> ListAsync(string? userName = null, CancellationToken cancellationToken = default)
    {
        var query = db.Subscriptions.AsNoTracking().Where(s => s.UnsubscribedAt == null);
        if (userName is not null)
        {
            query = query.Where(s => s.UserName == userName);
        }

        return await query.OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends subscription <paramref name="id"/> (only if it is <paramref name="userName"/>'s, when given); its pending deliveries are cancelled.</summary>
    public async Task RemoveAsync(int id, string? userName = null, CancellationToken cancellationToken = default)
    {
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id && s.UnsubscribedAt == null, cancellationToken).ConfigureAwait(false);
        if (subscription is null || (userName is not null && subscription.UserName != userName))
        {
            throw new SubscriptionException($"There is no active subscription {id}{(userName is null ? "" : $" of {userName}")}.");
        }

        await EndAsync(subscription, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the subscription whose unsubscribe link carries <paramref name="token"/>; null when the link is unknown.</summary>
    public async Task<Subscription?> UnsubscribeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 32)
        {
            return null;
        }

        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.UnsubscribeToken == token, cancellationToken).ConfigureAwait(false);
        if (subscription is not null && subscription.UnsubscribedAt is null)
        {
            await EndAsync(subscription, cancellationToken).ConfigureAwait(false);
        }

        return subscription;
    }

    /// <summary>The subscription an unsubscribe link names, without ending it (for the confirmation page).</summary>
    public Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(token) ? Task.FromResult<Subscription?>(null)
            : db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.UnsubscribeToken == token, cancellationToken);

    /// <summary>The deliveries, newest first (of <paramref name="userName"/>'s subscriptions only, when given).</summary>
    public async Task<List<DeliveryRecord>> LogAsync(string? userName = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = db.Deliveries.AsNoTracking();
        if (userName is not null)
        {
            var mine = db.Subscriptions.Where(s => s.UserName == userName).Select(s => s.Id);
            query = query.Where(d => mine.Contains(d.SubscriptionId));
        }

        return await query.OrderByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends delivery <paramref name="id"/> again: for an unconfirmed or failed one, after someone checked it did not arrive.</summary>
    public async Task ResendAsync(long id, CancellationToken cancellationToken = default)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new SubscriptionException($"There is no delivery {id}.");
        if (delivery.State is not (DeliveryStates.Unconfirmed or DeliveryStates.Failed))
        {
            throw new SubscriptionException($"Delivery {id} is {delivery.State}; only an unconfirmed or failed delivery is sent again.");
        }

        delivery.State = DeliveryStates.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = _time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subscription <paramref name="request"/> asks for, or why it cannot be made.</summary>
    public static Subscription Check(SubscriptionRequest request, IReadOnlyDictionary<string, IReadOnlySet<string>>? plans)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            problems.Add("the account is missing");
        }

        if (request.Brief is not (BriefKinds.Plan or BriefKinds.District))
        {
            problems.Add($"brief '{request.Brief}' is neither '{BriefKinds.Plan}' nor '{BriefKinds.District}'");
        }

        if (plans is not null && !plans.ContainsKey(request.Plan))
        {
            problems.Add($"plan '{request.Plan}' is not one of {string.Join(", ", plans.Keys.Order(StringComparer.Ordinal))}");
        }

        if (request.Brief == BriefKinds.District)
        {
            if (string.IsNullOrEmpty(request.District))
            {
                problems.Add("a district brief needs a district (a GB/T 2260 code)");
            }
            else if (plans is not null && plans.TryGetValue(request.Plan, out var districts) && !districts.Contains(request.District))
            {
                problems.Add($"district '{request.District}' is not a district of plan {request.Plan}");
            }
        }
        else if (!string.IsNullOrEmpty(request.District))
        {
            problems.Add("a plan brief takes no district");
        }

        if (request.Language is not ("zh" or "en"))
        {
            problems.Add($"language '{request.Language}' is neither 'zh' nor 'en'");
        }

        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? DefaultTimeZone : request.TimeZone;
        if (!string.IsNullOrWhiteSpace(request.Cron))
        {
            try
            {
                _ = CronExpression.Parse(request.Cron);
            }
            catch (CronFormatException e)
            {
                problems.Add($"schedule '{request.Cron}' is not a cron expression of five fields (minute hour day month weekday): {e.Message}");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                problems.Add($"time zone '{zone}' is unknown (an IANA name such as {DefaultTimeZone})");
            }
        }

        if (string.IsNullOrWhiteSpace(request.Cron) && !request.OnPublish && !request.Alerts)
        {
            problems.Add("it would send nothing: give a schedule, after each publish, alerts, or more than one");
        }

        if (request.Target == DeliveryTargets.Email)
        {
            if (!MailboxAddress.TryParse(request.Address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                problems.Add($"'{request.Address}' is not an e-mail address");
            }
        }
        else if (request.Target == DeliveryTargets.Folder)
        {
            if (string.IsNullOrWhiteSpace(request.Address) || !Path.IsPathFullyQualified(request.Address))
            {
                problems.Add($"folder '{request.Address}' is not an absolute path");
            }
        }
        else
        {
            problems.Add($"target '{request.Target}' is neither '{DeliveryTargets.Email}' nor '{DeliveryTargets.Folder}'");
        }

        if (problems.Count > 0)
        {
            throw new SubscriptionException("The subscription cannot be made: " + string.Join("; ", problems) + ".");
        }

        return new Subscription
        {
            UserName = request.UserName.Trim(), Brief = request.Brief, Plan = request.Plan, District = request.Brief == BriefKinds.District ? request.District : null,
            Language = request.Language, Cron = string.IsNullOrWhiteSpace(request.Cron) ? null : request.Cron.Trim(), TimeZone = zone,
            OnPublish = request.OnPublish, Alerts = request.Alerts, Target = request.Target, Address = request.Address.Trim(),
        };
    }

    private async Task EndAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        subscription.UnsubscribedAt = _time.GetUtcNow();
        await db.Deliveries.Where(d => d.SubscriptionId == subscription.Id && d.State == DeliveryStates.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryStates.Cancelled), cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
