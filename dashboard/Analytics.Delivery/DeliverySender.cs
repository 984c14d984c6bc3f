using System.Text.Json;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Analytics.Delivery;

/// <summary>
/// Sends the deliveries that are due: claims each (so no two senders take one), prints the brief as its recipient,
/// connects, records that it is transmitting, sends, records the outcome. A failure before transmitting is retried with
/// back-off (the server down, the printer busy); a server's permanent refusal, or the last attempt, fails it; a crash
/// while transmitting leaves it unconfirmed rather than risk a second copy.
/// </summary>
public sealed partial class DeliverySender(
    DeliveryDbContext db, DeliveryOptions options, IRecipientDirectory recipients, IBriefRenderer renderer, string publicUrl, ILogger logger)
{
    private readonly DeliveryLedger _ledger = new(db);

    /// <summary>Sends what is due at <paramref name="now"/>; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _ledger.ReclaimAsync(now, cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var id in await _ledger.DueAsync(now, 50, cancellationToken).ConfigureAwait(false))
        {
            if (await _ledger.ClaimAsync(id, now, cancellationToken).ConfigureAwait(false) is { } delivery
                && await SendAsync(delivery, now, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(DeliveryRecord delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription is null || subscription.UnsubscribedAt is not null)
        {
            await _ledger.EndAsync(delivery.Id, DeliveryStates.Cancelled, "the subscription ended", cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (await recipients.FindAsync(subscription.UserName, cancellationToken).ConfigureAwait(false) is not { } recipient)
        {
            await _ledger.EndAsync(delivery.Id, DeliveryStates.Cancelled, $"account {subscription.UserName} is removed, disabled or has no role", cancellationToken).ConfigureAwait(false);
            return false;
        }

        SmtpClient? client = null;
        try
        {
            var message = await ComposeAsync(subscription, recipient, delivery, cancellationToken).ConfigureAwait(false);
            if (subscription.Target == DeliveryTargets.Email)
            {
                client = await SmtpConnection.OpenAsync(options.Smtp, cancellationToken).ConfigureAwait(false);
            }

            if (await _ledger.TransmittingAsync(delivery.Id, cancellationToken).ConfigureAwait(false) != 1)
            {
                return false; // reclaimed meanwhile (this sender was too slow): another attempt owns it
            }

            if (client is not null)
            {
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                FolderTarget.Write(subscription, delivery, message);
            }

            await _ledger.SentAsync(delivery.Id, DateTimeOffset.UtcNow, CancellationToken.None).ConfigureAwait(false);
            Sent(logger, delivery.Kind, delivery.Id, subscription.Target, subscription.Address, delivery.Snapshot);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var state = await db.Deliveries.AsNoTracking().Where(d => d.Id == delivery.Id).Select(d => d.State).FirstAsync(CancellationToken.None).ConfigureAwait(false);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (state == DeliveryStates.Transmitting && e is not SmtpCommandException)
            {
                // The connection broke during the transaction: it may have arrived. At most once.
                await _ledger.EndAsync(delivery.Id, DeliveryStates.Unconfirmed, error, CancellationToken.None).ConfigureAwait(false);
                Unconfirmed(logger, e, delivery.Id);
                return false;
            }

            var permanent = e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };
            var retryAt = permanent || delivery.Attempts >= options.MaxAttempts ? (DateTimeOffset?)null : now + Backoff(delivery.Attempts);
            await _ledger.FailedAsync(delivery.Id, error, retryAt, CancellationToken.None).ConfigureAwait(false);
            Failed(logger, delivery.Id, delivery.Attempts, error, retryAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never (given up)");
            return false;
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: doubling from the first, up to the longest.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxRetrySeconds, options.RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<MimeMessage> ComposeAsync(Subscription subscription, Recipient recipient, DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var from = options.Smtp.From;
        if (delivery.Kind == DeliveryKinds.Alert)
        {
            var changes = JsonSerializer.Deserialize<List<StatusChange>>(delivery.Content ?? "[]") ?? [];
            return MessageComposer.Alert(subscription, delivery, changes, from, publicUrl);
        }

        var brief = await renderer.RenderAsync(subscription, recipient, cancellationToken).ConfigureAwait(false);
        return MessageComposer.Brief(subscription, delivery, brief, from, publicUrl);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery: {Kind} {Id} sent by {Target} to {Address} (snapshot {Snapshot})")]
    private static partial void Sent(ILogger logger, string kind, long id, string target, string address, string snapshot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery: {Id} failed on attempt {Attempt}: {Error}; next attempt {Next}")]
    private static partial void Failed(ILogger logger, long id, int attempt, string error, string next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery: {Id}'s connection broke while transmitting; it is left unconfirmed, not sent again (analytics subscriptions resend {Id})")]
    private static partial void Unconfirmed(ILogger logger, Exception exception, long id);
}
