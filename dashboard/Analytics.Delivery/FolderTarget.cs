using System.Text;
using MimeKit;

namespace Analytics.Delivery;

/// <summary>
/// The folder target, for offices without mail: the brief's PDF, or the alert as HTML and text, written under the
/// subscription's folder as <c>&lt;snapshot&gt;/&lt;file&gt;</c> — each file through a temporary name and a rename, so a
/// reader of the share never sees half a file, and writing it again gives the same file.
/// </summary>
public static class FolderTarget
{
    /// <summary>Writes the parts of <paramref name="message"/> that matter on a share; returns the files written.</summary>
    public static IReadOnlyList<string> Write(Subscription subscription, DeliveryRecord delivery, MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(message);
        var folder = Path.Combine(subscription.Address, delivery.Snapshot);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var stem = $"{delivery.Kind}-{subscription.Id}-{subscription.Plan}" + (subscription.District is { } d ? "-" + d : "");
        foreach (var attachment in message.Attachments.OfType<MimePart>())
        {
            using var pdf = new MemoryStream();
            attachment.Content?.DecodeTo(pdf);
            written.Add(Save(folder, attachment.FileName ?? stem + ".pdf", pdf.ToArray()));
        }

        if (message.HtmlBody is { } html && delivery.Kind == DeliveryKinds.Alert)
        {
            written.Add(Save(folder, stem + ".html", Encoding.UTF8.GetBytes(html)));
            written.Add(Save(folder, stem + ".txt", Encoding.UTF8.GetBytes(message.Subject + Environment.NewLine + Environment.NewLine + message.TextBody)));
        }

        return written;
    }

    private static string Save(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, Path.GetFileName(name));
        var temporary = path + ".part";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
