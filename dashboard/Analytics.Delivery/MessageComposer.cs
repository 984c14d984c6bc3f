using System.Net;
using System.Text;
using MimeKit;

namespace Analytics.Delivery;

/// <summary>
/// The messages: HTML with a plain-text part, the brief's PDF attached, a link to the page, an unsubscribe link in
/// the body and as <c>List-Unsubscribe</c> (one-click, RFC 8058), and a Message-ID fixed by the delivery so every
/// attempt sends the same message.
/// </summary>
public static class MessageComposer
{
    /// <summary>A brief's message.</summary>
    public static MimeMessage Brief(Subscription subscription, DeliveryRecord delivery, RenderedBrief brief, string from, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(brief);
        var en = MailText.English(subscription);
        var html = new StringBuilder()
            .Append("<p>").Append(Encode(MailText.BriefIntro(subscription))).Append("</p>")
            .Append("<p>").Append(Encode(MailText.Snapshot(en))).Append(": ").Append(Encode(delivery.Snapshot)).Append("</p>")
            .Append("<p><a href=\"").Append(Encode(brief.Url)).Append("\">").Append(Encode(MailText.Open(en))).Append("</a></p>");
        var text = new StringBuilder()
            .AppendLine(MailText.BriefIntro(subscription))
            .Append(MailText.Snapshot(en)).Append(": ").AppendLine(delivery.Snapshot)
            .Append(MailText.Open(en)).Append(": ").AppendLine(brief.Url);
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(brief.Pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = brief.FileName,
        };
        return Message(subscription, delivery, MailText.BriefSubject(subscription, delivery.Snapshot, brief.Title), html, text, from, publicUrl, attachment);
    }

    /// <summary>An alert's message: one row per changed status, each linking to its indicator page.</summary>
    public static MimeMessage Alert(Subscription subscription, DeliveryRecord delivery, IReadOnlyList<StatusChange> changes, string from, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(changes);
        var en = MailText.English(subscription);
        var headers = MailText.Columns(en).Split('|');
        var html = new StringBuilder().Append("<p>").Append(Encode(MailText.AlertIntro(subscription))).Append("</p><table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><tr>");
        foreach (var h in headers)
        {
            html.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        html.Append("</tr>");
        var text = new StringBuilder().AppendLine(MailText.AlertIntro(subscription)).AppendLine();
        foreach (var c in changes)
        {
            var link = IndicatorUrl(publicUrl, c.After, en);
            html.Append("<tr><td><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(MailText.Indicator(c.After, en))).Append("</a></td><td>")
                .Append(Encode(MailText.Place(c.After, en))).Append("</td><td>").Append(c.After.Year).Append("</td><td>")
                .Append(Encode(MailText.Status(c.Before.Status, en))).Append(Encode(EarlierYear(c))).Append("</td><td><b>")
                .Append(Encode(MailText.Status(c.After.Status, en))).Append("</b></td></tr>");
            text.Append("- ").Append(MailText.Indicator(c.After, en)).Append(" · ").Append(MailText.Place(c.After, en)).Append(" · ").Append(c.After.Year)
                .Append(": ").Append(MailText.Status(c.Before.Status, en)).Append(EarlierYear(c)).Append(" → ").AppendLine(MailText.Status(c.After.Status, en))
                .Append("  ").AppendLine(link);
        }

        html.Append("</table><p>").Append(Encode(MailText.Snapshot(en))).Append(": ").Append(Encode(delivery.Snapshot)).Append("</p>");
        text.AppendLine().Append(MailText.Snapshot(en)).Append(": ").AppendLine(delivery.Snapshot);
        return Message(subscription, delivery, MailText.AlertSubject(subscription, changes.Count, DistrictName(subscription, changes, en)), html, text, from, publicUrl, attachment: null);
    }

    /// <summary>The indicator page of a change, for its district (or the city), in the subscription's language.</summary>
    public static string IndicatorUrl(string publicUrl, StandingRow row, bool english)
    {
        ArgumentNullException.ThrowIfNull(row);
        var url = $"{Base(publicUrl)}/indicator/{Uri.EscapeDataString(row.IndicatorId)}?year={row.Year}";
        url += row.DistrictCode == StatusBoard.City ? "" : "&district=" + Uri.EscapeDataString(row.DistrictCode);
        return english ? url + "&lang=en" : url;
    }

    /// <summary>The unsubscribe page of a subscription.</summary>
    public static string UnsubscribeUrl(string publicUrl, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return $"{Base(publicUrl)}/unsubscribe/{subscription.UnsubscribeToken}";
    }

    private static MimeMessage Message(
        Subscription subscription, DeliveryRecord delivery, string subject, StringBuilder html, StringBuilder text, string from, string publicUrl, MimePart? attachment)
    {
        var en = MailText.English(subscription);
        var unsubscribe = UnsubscribeUrl(publicUrl, subscription);
        html.Append("<hr><p style=\"color:#666;font-size:12px\">").Append(Encode(MailText.Why(subscription)))
            .Append(" <a href=\"").Append(Encode(unsubscribe)).Append("\">").Append(Encode(MailText.Unsubscribe(en))).Append("</a></p>");
        text.AppendLine().AppendLine("--").AppendLine(MailText.Why(subscription)).Append(MailText.Unsubscribe(en)).Append(": ").AppendLine(unsubscribe);

        var message = new MimeMessage { Subject = subject, MessageId = delivery.MessageId, Date = delivery.DecidedAt };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(subscription.Address));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("X-Analytics-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = new BodyBuilder { HtmlBody = $"<!doctype html><html lang=\"{(en ? "en" : "zh-CN")}\"><body>{html}</body></html>", TextBody = text.ToString() };
        if (attachment is not null)
        {
            body.Attachments.Add(attachment);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The subscription's district's name as the changes give it (none when only the city's changed).</summary>
    private static string? DistrictName(Subscription subscription, IReadOnlyList<StatusChange> changes, bool en) =>
        changes.Select(c => c.After).FirstOrDefault(r => r.DistrictCode == subscription.District) is { } row ? (en ? row.DistrictEn : row.DistrictZh) : null;

    /// <summary>The year the earlier status was of, when it is not the year now judged (new data moved the latest year on).</summary>
    private static string EarlierYear(StatusChange c) => c.Before.Year == c.After.Year ? "" : $" ({c.Before.Year})";

    private static string Base(string publicUrl) => publicUrl.TrimEnd('/');

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
