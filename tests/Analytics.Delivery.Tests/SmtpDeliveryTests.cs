using Analytics.Delivery.Tests.Support;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Analytics.Delivery.Tests;

/// <summary>Delivery by e-mail through a real SMTP server (Postfix on loopback): the message as it arrives, and the server going away mid-run.</summary>
[Collection(SmtpServerCollection.Name)]
public sealed class SmtpDeliveryTests : IDisposable
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);
    private readonly DeliveryWorld _world = new();
    private readonly LocalSmtpServer _smtp = LocalSmtpServer.Shared;

    public SmtpDeliveryTests()
    {
        _world.Options.Smtp = new SmtpOptions { Host = _smtp.Host, Port = _smtp.Port, Security = "none", From = "监测平台 <briefs@analytics.test>" };
    }

    [Fact]
    public async Task A_brief_arrives_as_html_with_a_text_part_its_pdf_and_an_unsubscribe_link()
    {
        var address = $"leader-{Guid.NewGuid():N}@analytics.test";
        var subscription = _world.Subscribe(DeliveryWorld.Leader, onPublish: true, target: DeliveryTargets.Email, address: address);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);
        Assert.Equal(1, await _world.RoundAsync());

        var message = Assert.Single(await _smtp.WaitForMessagesAsync(m => m.To.Mailboxes.Any(x => x.Address == address), 1, Arrival));
        var delivery = Assert.Single(_world.Deliveries());
        Assert.Equal(delivery.MessageId, message.MessageId);
        Assert.Equal("briefs@analytics.test", message.From.Mailboxes.Single().Address);
        Assert.Contains("CQ2013", message.Subject, StringComparison.Ordinal);
        Assert.Contains(delivery.Snapshot, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://dashboard.test/unsubscribe/" + subscription.UnsubscribeToken, message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"<http://dashboard.test/unsubscribe/{subscription.UnsubscribeToken}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var pdf = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal(("application/pdf", $"brief-{subscription.Id}.pdf"), (pdf.ContentType.MimeType, pdf.FileName));
    }

    [Fact]
    public async Task A_scheduled_brief_arrives_once_with_its_pdf()
    {
        var address = $"official-{Guid.NewGuid():N}@analytics.test";
        _world.Publish(RevisedSnapshots.Before);
        var subscription = _world.Subscribe(DeliveryWorld.Official, brief: BriefKinds.District, district: DeliveryWorld.OfficialDistrict,
            cron: "0 8 * * 1", target: DeliveryTargets.Email, address: address, language: "en");
        using (var db = _world.Db())
        {
            // A Monday 08:00 in Chongqing has passed since it was last acted on.
            await db.Subscriptions.Where(s => s.Id == subscription.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledThrough, DateTime.UtcNow.AddDays(-8)));
        }

        Assert.Equal(1, await _world.RoundAsync());
        Assert.Equal(0, await _world.RoundAsync());
        var message = Assert.Single(await _smtp.WaitForMessagesAsync(m => m.To.Mailboxes.Any(x => x.Address == address), 1, Arrival));
        Assert.StartsWith($"{DeliveryWorld.OfficialDistrict} (CQ2013) brief — ", message.Subject, StringComparison.Ordinal);
        Assert.Single(message.Attachments);
        Assert.StartsWith("schedule ", Assert.Single(_world.Deliveries()).Occasion, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Any(x => x.Address == address));
    }

    [Fact]
    public async Task With_the_server_stopped_mid_run_a_delivery_is_retried_and_arrives_once_when_it_returns()
    {
        var address = $"analyst-{Guid.NewGuid():N}@analytics.test";
        _world.Subscribe(DeliveryWorld.Analyst, alerts: true, target: DeliveryTargets.Email, address: address);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);

        await _smtp.StopAsync();
        try
        {
            Assert.Equal(0, await _world.RoundAsync());
            Assert.Equal(0, await _world.RoundAsync() + await RoundLaterAsync());
            var waiting = Assert.Single(_world.Deliveries());
            Assert.Equal(DeliveryStates.Pending, waiting.State);
            Assert.True(waiting.Attempts >= 2, $"{waiting.Attempts} attempts");
            Assert.Contains("Connect", waiting.LastError!, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await _smtp.StartAsync();
        }

        Assert.Equal(1, await RoundLaterAsync());
        Assert.Equal(0, await RoundLaterAsync());
        Assert.Single(await _smtp.WaitForMessagesAsync(m => m.To.Mailboxes.Any(x => x.Address == address), 1, Arrival));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Any(x => x.Address == address));
        Assert.Equal(DeliveryStates.Sent, Assert.Single(_world.Deliveries()).State);
    }

    public void Dispose() => _world.Dispose();

    /// <summary>A round after the back-off has passed.</summary>
    private async Task<int> RoundLaterAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(_world.Options.MaxRetrySeconds + 0.1));
        return await _world.RoundAsync();
    }
}
