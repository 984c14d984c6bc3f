namespace Analytics.Delivery;

/// <summary>
/// One decided delivery: a brief or an alert of one subscription for one snapshot. Written before anything is sent;
/// the unique key (subscription, kind, snapshot) is what makes a second decision for the same snapshot impossible —
/// after a crash, a restart or on another replica.
/// </summary>
public sealed class DeliveryRecord
{
    /// <summary>Key.</summary>
    public long Id { get; set; }

    /// <summary>The subscription.</summary>
    public int SubscriptionId { get; set; }

    /// <summary><see cref="DeliveryKinds.Brief"/> or <see cref="DeliveryKinds.Alert"/>.</summary>
    public string Kind { get; set; } = DeliveryKinds.Brief;

    /// <summary>The snapshot it is about (its name, <c>warehouse-…</c>).</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>Why it was decided: <c>publish</c>, or <c>schedule</c> and the occurrence it was due at.</summary>
    public string Occasion { get; set; } = "";

    /// <summary>What it says, decided with it (an alert's changes as JSON), so a retry sends the same message.</summary>
    public string? Content { get; set; }

    /// <summary>See <see cref="DeliveryStates"/>.</summary>
    public string State { get; set; } = DeliveryStates.Pending;

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (UTC; a DateTime because SQLite compares those in queries).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when the sender that claimed it holds it (UTC); past it, a crashed sender's claim is taken back.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>The last failure, for the delivery log.</summary>
    public string? LastError { get; set; }

    /// <summary>The Message-ID the message is sent with (the same on every attempt).</summary>
    public string MessageId { get; set; } = "";

    /// <summary>When it was decided (UTC).</summary>
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>When the server (or the folder) took it (UTC).</summary>
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>What a delivery brings.</summary>
public static class DeliveryKinds
{
    /// <summary>The subscription's brief as a PDF.</summary>
    public const string Brief = "brief";

    /// <summary>The statuses a new snapshot changed.</summary>
    public const string Alert = "alert";
}

/// <summary>Where a delivery is.</summary>
public static class DeliveryStates
{
    /// <summary>Decided, not yet sent (or waiting for its next attempt).</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by a sender, which is printing the brief and connecting: nothing has gone out yet, so a sender that ends here is simply retried.</summary>
    public const string Sending = "sending";

    /// <summary>The SMTP transaction (or the folder write) is under way: the only moment whose outcome a crash leaves unknown.</summary>
    public const string Transmitting = "transmitting";

    /// <summary>Taken by the SMTP server or written to the folder.</summary>
    public const string Sent = "sent";

    /// <summary>Given up after the last attempt (see the error).</summary>
    public const string Failed = "failed";

    /// <summary>
    /// A sender ended (a crash, a kill) while transmitting: the server may or may not have taken it. Not sent
    /// again by itself — at most once — and shown in the log; <c>analytics subscriptions resend</c> sends it again.
    /// </summary>
    public const string Unconfirmed = "unconfirmed";

    /// <summary>The subscription ended before it was sent.</summary>
    public const string Cancelled = "cancelled";
}
