using Analytics.Dashboard.Exports;
using Analytics.Dashboard.Snapshots;
using Analytics.Delivery;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Delivery;

/// <summary>
/// Runs the delivery worker inside the dashboard once it listens (the briefs are its pages, printed from its own
/// address): every <see cref="DeliveryOptions.PollSeconds"/>, a new snapshot's alerts and briefs, the schedules that
/// came due, and the deliveries to send or retry. Several dashboard processes may run it on one delivery database:
/// a decision is unique per subscription, kind and snapshot, and a delivery is claimed by one sender.
/// </summary>
internal sealed partial class DeliveryService(
    IOptions<DeliveryOptions> delivery, IOptions<AnalyticsOptions> analytics, Subscriptions.SubscriptionDatabase database, IWebHostEnvironment environment,
    IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, PagePrinter printer, SnapshotSource snapshots, ILogger<DeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = delivery.Value;
        var path = string.IsNullOrWhiteSpace(analytics.Value.Snapshot) ? analytics.Value.Snapshots : analytics.Value.Snapshot;
        if (!options.Enabled || string.IsNullOrWhiteSpace(path))
        {
            Off(logger, options.Enabled ? "no snapshot folder is configured" : "Analytics:Delivery:Enabled is false");
            return;
        }

        // Wait until the server listens: links and the printer need its address.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        var publicUrl = options.PublicUrl ?? printer.BaseUrl() ?? "http://127.0.0.1:5080";
        var worker = new DeliveryWorker(
            options, database.Path, Path.GetFullPath(path, environment.ContentRootPath),
            new AccountsRecipientDirectory(scopes), new PageBriefRenderer(scopes, printer, snapshots, publicUrl), publicUrl, logger);
        Running(logger, options.PollSeconds, string.IsNullOrWhiteSpace(options.Smtp.Host) ? "(none: e-mail waits)" : $"{options.Smtp.Host}:{options.Smtp.Port}");
        try
        {
            await worker.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a delivery in flight is either done or taken back by the next process's round.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery is off: {Why}")]
    private static partial void Off(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery: every {Seconds} s; SMTP server {Server}")]
    private static partial void Running(ILogger logger, double seconds, string server);
}
