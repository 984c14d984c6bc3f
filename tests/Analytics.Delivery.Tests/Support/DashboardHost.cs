using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Delivery.Tests.Support;

/// <summary>
/// The dashboard on Kestrel at a free loopback port, following <paramref name="world"/>'s snapshot folder with its
/// accounts and delivery databases, delivering through the SMTP server at <paramref name="smtpPort"/> every half second.
/// </summary>
public sealed class DashboardHost(DeliveryWorld world, int smtpPort) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Analytics:Snapshots", world.Snapshots);
        builder.UseSetting("Analytics:RefreshSeconds", "0.5");
        builder.UseSetting("Analytics:SqlConsole:AuditLog", Path.Combine(world.Folder, "sql-audit.jsonl"));
        builder.UseSetting("Analytics:Accounts:Database", Path.Combine(world.Folder, "accounts.db"));
        builder.UseSetting("Analytics:Accounts:AccessLog", Path.Combine(world.Folder, "access-audit.jsonl"));
        builder.UseSetting("Analytics:TargetRevisions", Path.Combine(world.Folder, "target-revisions.jsonl"));
        builder.UseSetting("Analytics:Delivery:Database", world.Database);
        builder.UseSetting("Analytics:Delivery:PollSeconds", "0.5");
        builder.UseSetting("Analytics:Delivery:RetrySeconds", "0.5");
        builder.UseSetting("Analytics:Delivery:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Analytics:Delivery:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Analytics:Delivery:Smtp:Security", "none");
        builder.UseSetting("Analytics:Delivery:Smtp:From", "监测平台 <briefs@analytics.test>");
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}
