using System.Net.Sockets;
using Analytics.TestSupport;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Analytics.Delivery.Tests;

/// <summary>
/// Tests that stop the process's one SMTP server (<see cref="LocalSmtpServer.Shared"/>) must not run beside tests that
/// send through it: every test that uses the server belongs to this collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SmtpServerCollection
{
    public const string Name = "SMTP server";
}

/// <summary>The test SMTP server itself: what is sent to it arrives in its maildir whole, and it can be stopped and started again.</summary>
[Collection(SmtpServerCollection.Name)]
public sealed class SmtpServerTests
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(15);
    private readonly LocalSmtpServer server = LocalSmtpServer.Shared;

    [Fact]
    public async Task A_message_sent_by_MailKit_arrives_in_the_maildir_with_its_parts_and_attachment()
    {
        var subject = $"Plan brief {Guid.NewGuid():N}";
        var pdf = new byte[40_000];
        new Random(7).NextBytes(pdf);
        "%PDF-1.7\n"u8.ToArray().CopyTo(pdf, 0);
        var body = new BodyBuilder
        {
            TextBody = "规划简报 — plain text",
            HtmlBody = "<html><body><h1>规划简报</h1><p>HTML</p></body></html>",
        };
        body.Attachments.Add("brief-CQ2013.pdf", pdf, new ContentType("application", "pdf"));
        var message = Message(subject, "viewer@analytics.test");
        message.Body = body.ToMessageBody();

        await SendAsync(message);

        var arrived = Assert.Single(await server.WaitForMessagesAsync(m => m.Subject == subject, 1, Arrival));
        Assert.Equal("viewer@analytics.test", Assert.Single(arrived.To.Mailboxes).Address);
        Assert.Equal("briefs@analytics.test", Assert.Single(arrived.From.Mailboxes).Address);
        Assert.Equal("规划简报 — plain text", arrived.TextBody?.TrimEnd());
        Assert.Contains("<h1>规划简报</h1>", arrived.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(arrived.Attachments));
        Assert.Equal("brief-CQ2013.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var bytes = new MemoryStream();
        Assert.NotNull(attachment.Content);
        await attachment.Content.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());
    }

    [Fact]
    public async Task Every_recipient_at_any_domain_gets_a_copy()
    {
        var subject = $"Alert {Guid.NewGuid():N}";
        var message = Message(subject, "viewer@analytics.test");
        message.Cc.Add(MailboxAddress.Parse("head@district.example.cn"));
        message.Body = new TextPart("plain") { Text = "status changed" };

        await SendAsync(message);

        var copies = await server.WaitForMessagesAsync(m => m.Subject == subject, 2, Arrival);
        Assert.Equal(2, copies.Count);
    }

    [Fact]
    public async Task A_stopped_server_refuses_connections_and_after_a_start_a_message_arrives_exactly_once()
    {
        await server.StopAsync();
        try
        {
            using var client = new SmtpClient { Timeout = 5_000 };
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None));
        }
        finally
        {
            await server.StartAsync();
        }

        var subject = $"After restart {Guid.NewGuid():N}";
        var message = Message(subject, "viewer@analytics.test");
        message.Body = new TextPart("plain") { Text = "sent after the server came back" };
        await SendAsync(message);

        await server.WaitForMessagesAsync(m => m.Subject == subject, 1, Arrival);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy, if any, would be delivered as quickly as the first
        Assert.Single(server.Messages(), m => m.Subject == subject);
    }

    private static MimeMessage Message(string subject, string to)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress("Analytics", "briefs@analytics.test"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient { Timeout = 10_000 };
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
