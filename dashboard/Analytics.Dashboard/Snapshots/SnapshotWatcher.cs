using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Snapshots;

/// <summary>Looks for a newer snapshot every <see cref="AnalyticsOptions.RefreshSeconds"/> seconds.</summary>
internal sealed class SnapshotWatcher(SnapshotSource source, IOptions<AnalyticsOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.RefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            source.Refresh();
        }
    }
}
