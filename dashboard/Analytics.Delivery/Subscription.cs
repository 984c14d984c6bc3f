namespace Analytics.Delivery;

/// <summary>One reader's standing order: which brief, in which language, when, and where it goes.</summary>
public sealed class Subscription
{
    /// <summary>Key.</summary>
    public int Id { get; set; }

    /// <summary>The account it belongs to (its user name): what it may see decides what the brief and alerts contain.</summary>
    public string UserName { get; set; } = "";

    /// <summary><see cref="BriefKinds.Plan"/> or <see cref="BriefKinds.District"/>.</summary>
    public string Brief { get; set; } = BriefKinds.Plan;

    /// <summary>The plan (CQ2013, YY2020).</summary>
    public string Plan { get; set; } = "";

    /// <summary>The district (GB/T 2260) of a district brief; null for a plan brief.</summary>
    public string? District { get; set; }

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "zh";

    /// <summary>A cron expression (five fields) in <see cref="TimeZone"/>; null for no schedule.</summary>
    public string? Cron { get; set; }

    /// <summary>The time zone of <see cref="Cron"/> (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Send the brief after each new snapshot is published.</summary>
    public bool OnPublish { get; set; }

    /// <summary>Send an alert when a new snapshot changes a status in the subscription's scope.</summary>
    public bool Alerts { get; set; }

    /// <summary><see cref="DeliveryTargets.Email"/> or <see cref="DeliveryTargets.Folder"/>.</summary>
    public string Target { get; set; } = DeliveryTargets.Email;

    /// <summary>The e-mail address, or the folder the PDFs are written to.</summary>
    public string Address { get; set; } = "";

    /// <summary>The secret in the unsubscribe link (random, 32 hex characters).</summary>
    public string UnsubscribeToken { get; set; } = "";

    /// <summary>When it was made (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The schedule has been acted on up to this time (UTC): the next brief is due at the first occurrence after it.</summary>
    public DateTime ScheduledThrough { get; set; }

    /// <summary>When the reader unsubscribed (UTC); null while active.</summary>
    public DateTimeOffset? UnsubscribedAt { get; set; }
}

/// <summary>The briefs a subscription can ask for.</summary>
public static class BriefKinds
{
    /// <summary>The plan's overview: the city and its districts.</summary>
    public const string Plan = "plan";

    /// <summary>One district against its city.</summary>
    public const string District = "district";
}

/// <summary>Where a delivery goes.</summary>
public static class DeliveryTargets
{
    /// <summary>An e-mail through the configured SMTP server.</summary>
    public const string Email = "email";

    /// <summary>PDFs written to a folder (a share), for offices without mail.</summary>
    public const string Folder = "folder";
}
