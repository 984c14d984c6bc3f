using System.Security.Claims;
using Analytics.Accounts;
using Analytics.Dashboard.Data;
using Analytics.Delivery;

namespace Analytics.Dashboard.Subscriptions;

/// <summary>What a reader asks for on the page or the API: everything of a subscription but whose it is and where (always e-mail).</summary>
public sealed record SubscriptionAsk(
    string Brief, string Plan, string? District, string Language, string? Cron, string? TimeZone, bool OnPublish, bool Alerts, string Email);

/// <summary>
/// The signed-in reader's subscriptions, for the page and the API: only their own; e-mail only (a folder on the
/// server is the command line's, for an administrator); checked against the served snapshot's plans and districts;
/// and a district official receives a district brief of their own district only.
/// </summary>
public sealed class ReaderSubscriptions(SubscriptionStore store, Warehouse warehouse, IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The reader's account name.</summary>
    public string UserName => User.Identity?.Name ?? throw new InvalidOperationException("Subscriptions need a signed-in reader.");

    /// <summary>A district official's district; null for every other role.</summary>
    public string? OwnDistrict => User.IsInRole(Roles.District) ? User.FindFirstValue(Roles.DistrictClaim) : null;

    /// <summary>The plans and their districts of the served snapshot; null when none is served (the check is skipped).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>>? Plans() => warehouse.Snapshot?.Catalog is { } catalog
        ? catalog.Plans.ToDictionary(p => p.Plan, p => (IReadOnlySet<string>)catalog.DistrictsOf(p.Plan).Select(d => d.Code).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal)
        : null;

    /// <summary>The reader's active subscriptions.</summary>
    public Task<List<Subscription>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(UserName, cancellationToken);

    /// <summary>The reader's most recent deliveries.</summary>
    public Task<List<DeliveryRecord>> DeliveriesAsync(int limit = 20, CancellationToken cancellationToken = default) => store.LogAsync(UserName, limit, cancellationToken);

    /// <summary>Makes the subscription <paramref name="ask"/> describes for the reader.</summary>
    /// <exception cref="SubscriptionException">It cannot be made; the message says why.</exception>
    public Task<Subscription> AddAsync(SubscriptionAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier)?.StartsWith("sso:", StringComparison.Ordinal) == true)
        {
            // A brief is printed as its recipient, signed in with a token of their local account; a single sign-on
            // reader has none, so nothing could ever be sent. Say so now rather than accept it.
            throw new SubscriptionException("The subscription cannot be made: briefs are printed as the reader's own account, and a single sign-on reader has no local account here. Ask an administrator for one ('analytics users add').");
        }

        if (OwnDistrict is { } own && ask.Brief == BriefKinds.District && ask.District != own)
        {
            throw new SubscriptionException($"The subscription cannot be made: a district official receives the district brief of their own district ({own}) only.");
        }

        var request = new SubscriptionRequest(UserName, ask.Brief, ask.Plan, string.IsNullOrWhiteSpace(ask.District) ? null : ask.District.Trim(),
            ask.Language, ask.Cron, ask.TimeZone, ask.OnPublish, ask.Alerts, DeliveryTargets.Email, ask.Email ?? "");
        return store.AddAsync(request, Plans(), cancellationToken);
    }

    /// <summary>Ends the reader's subscription <paramref name="id"/>.</summary>
    /// <exception cref="SubscriptionException">It is not an active subscription of the reader's.</exception>
    public Task EndAsync(int id, CancellationToken cancellationToken = default) => store.RemoveAsync(id, UserName, cancellationToken);
}
