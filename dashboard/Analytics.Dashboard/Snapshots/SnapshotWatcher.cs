using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// Looks for a newer (or a no longer damaged) snapshot every <see cref="AnalyticsOptions.RefreshSeconds"/> seconds,
/// and opens and warms it here, off the request path, before it is served (<see cref="SnapshotSource.Refresh"/>).
/// </summary>
internal sealed partial class SnapshotWatcher(SnapshotSource source, IOptions<AnalyticsOptions> options, ILogger<SnapshotWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.RefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                source.Refresh();
            }
            catch (Exception ex)
            {
                // One failed look must not stop the watcher (and with it the host); the next tick looks again.
                RefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for a newer snapshot failed; trying again at the next tick")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
