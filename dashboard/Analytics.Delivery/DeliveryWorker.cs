using Microsoft.Extensions.Logging;

namespace Analytics.Delivery;

/// <summary>
/// One round of delivery, and the loop that repeats it: new snapshot → decisions; due schedules → decisions; due
/// deliveries → sent. Each round opens the database afresh, so several processes can share it; a round that fails is
/// logged and the next one tries again.
/// </summary>
public sealed partial class DeliveryWorker(
    DeliveryOptions options, string databasePath, string snapshotsPath, IRecipientDirectory recipients, IBriefRenderer renderer, string publicUrl,
    ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>One round; returns the deliveries sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var db = DeliveryDbContext.Open(databasePath);
        var planner = new DeliveryPlanner(db, recipients, logger);
        var now = _time.GetUtcNow();
        await planner.OnPublishAsync(snapshotsPath, now, cancellationToken).ConfigureAwait(false);
        await planner.OnScheduleAsync(snapshotsPath, now, cancellationToken).ConfigureAwait(false);
        return await new DeliverySender(db, options, recipients, renderer, publicUrl, logger).SendDueAsync(now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rounds every <see cref="DeliveryOptions.PollSeconds"/> until <paramref name="cancellationToken"/> ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.PollSeconds)), _time);
        do
        {
            try
            {
                await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                RoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery: a round failed; the next one tries again")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
