using System.Diagnostics;
using Analytics.Delivery.Tests.Support;
using Analytics.DuckDb;
using Analytics.TestSupport;
using MimeKit;

namespace Analytics.Delivery.Tests;

/// <summary>
/// End to end, as a city runs it: the dashboard follows a snapshot folder; leaders have subscribed; a second snapshot
/// with changed statuses is published; the dashboard's own worker prints each brief as its recipient and sends briefs
/// and alerts through a real SMTP server (Postfix on loopback) into the recipients' mailboxes — each once.
/// </summary>
[Collection(SmtpServerCollection.Name)]
public sealed class DashboardDeliveryTests : IDisposable
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(120);
    private readonly DeliveryWorld _world = new();
    private readonly LocalSmtpServer _smtp = LocalSmtpServer.Shared;

    [Fact]
    public async Task Publishing_a_second_snapshot_delivers_alerts_and_briefs_each_once_and_a_district_officials_brief_holds_only_their_district()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var leader = $"leader-{run}@analytics.test";
        var official = $"bishan-{run}@analytics.test";
        _world.Subscribe(DeliveryWorld.Leader, alerts: true, onPublish: true, target: DeliveryTargets.Email, address: leader);
        _world.Subscribe(DeliveryWorld.Official, brief: BriefKinds.District, district: DeliveryWorld.OfficialDistrict, alerts: true, onPublish: true,
            target: DeliveryTargets.Email, address: official, language: "en");
        _world.Publish(RevisedSnapshots.Before);

        using var host = new DashboardHost(_world, _smtp.Port);
        host.UseKestrel(0);
        host.StartServer();
        await WaitAsync(() => _world.Seen() == 1, "the dashboard's worker to take the first snapshot as its baseline");

        _world.Publish(RevisedSnapshots.After);
        var toLeader = await _smtp.WaitForMessagesAsync(m => To(m, leader), 2, Arrival);
        var toOfficial = await _smtp.WaitForMessagesAsync(m => To(m, official), 2, Arrival);

        // The leader: an alert listing the changes, and the plan brief as a PDF.
        var alert = toLeader.Single(m => !m.Attachments.Any());
        Assert.Contains("项指标状态变化", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("/indicator/CQ-TECH-SME", alert.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe/", alert.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://127.0.0.1:", alert.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        var brief = toLeader.Single(m => m.Attachments.Any());
        var pdf = Pdf(brief);
        Assert.Contains("CQ2013", brief.Subject, StringComparison.Ordinal);

        // The official (English): their district's brief — the district and the city, no other district's detail.
        var officialsBrief = toOfficial.Single(m => m.Attachments.Any());
        Assert.Contains("brief", officialsBrief.Subject, StringComparison.Ordinal);
        var text = PdfText(Pdf(officialsBrief));
        var (mine, others) = DistrictNames(DeliveryWorld.OfficialDistrict);
        Assert.Contains(mine, text, StringComparison.OrdinalIgnoreCase);
        Assert.All(others, name => Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("璧山区", PdfText(pdf), StringComparison.Ordinal); // the leader's plan brief has every district

        // Each once: more rounds later, nothing more arrives, and the log says sent.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, _smtp.Messages().Count(m => To(m, leader)));
        Assert.Equal(2, _smtp.Messages().Count(m => To(m, official)));
        Assert.All(_world.Deliveries(), d => Assert.Equal(DeliveryStates.Sent, d.State));
    }

    public void Dispose() => _world.Dispose();

    private static bool To(MimeMessage m, string address) => m.To.Mailboxes.Any(x => x.Address == address);

    private static byte[] Pdf(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single();
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        var bytes = stream.ToArray();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        return bytes;
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The English name of <paramref name="district"/> and of every other district of its plan.</summary>
    private static (string Mine, List<string> Others) DistrictNames(string district)
    {
        using var connection = new DuckDbConnection($"Data Source={ProductSnapshot.SnapshotPath};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT district_code, name_en FROM mart_plan_district WHERE plan = 'CQ2013'";
        using var reader = command.ExecuteReader();
        var names = new List<(string Code, string Name)>();
        while (reader.Read())
        {
            names.Add((reader.GetString(0), reader.GetString(1)));
        }

        return (names.Single(n => n.Code == district).Name, names.Where(n => n.Code != district).Select(n => n.Name).ToList());
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > Arrival)
            {
                Assert.Fail($"Waited {Arrival.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
