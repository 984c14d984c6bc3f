using Analytics.Snapshots;
using Analytics.Dashboard.Presentation;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// Looks for a newer (or a no longer damaged) snapshot every <see cref="AnalyticsOptions.RefreshSeconds"/> seconds,
/// and opens and warms it here, off the request path, before it is served (<see cref="SnapshotSource.Refresh()"/>). It
/// runs on its own thread at a lower CPU priority (<see cref="LowPriority"/>), so a switch costs requests little; and
/// before serving a new snapshot it renders the page parts readers asked for recently against it
/// (<see cref="FragmentCache.Prerender"/>), so the first readers after the switch do not pay for them.
/// </summary>
internal sealed partial class SnapshotWatcher(
    SnapshotSource source, FragmentCache fragments, IServiceScopeFactory scopes, IOptions<AnalyticsOptions> options, ILogger<SnapshotWatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Watch(stoppingToken);
            }
            finally
            {
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "snapshot watcher",
        };
        thread.Start();
        return done.Task;
    }

    private void Watch(CancellationToken stoppingToken)
    {
        if (!LowPriority.LowerCurrentThread())
        {
            NotLowered(logger);
        }

        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.RefreshSeconds));
        while (!stoppingToken.WaitHandle.WaitOne(interval))
        {
            try
            {
                source.Refresh(next =>
                {
                    var parts = fragments.Prerender(next, scopes, stoppingToken);
                    Prerendered(logger, parts, next.Path);
                });
            }
            catch (Exception ex)
            {
                // One failed look must not stop the watcher (and with it the host); the next tick looks again.
                RefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered {Parts} recently asked page parts against {Path} before serving it")]
    private static partial void Prerendered(ILogger logger, int parts, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for a newer snapshot failed; trying again at the next tick")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The snapshot watcher runs at normal priority (lowering it is not supported here)")]
    private static partial void NotLowered(ILogger logger);
}
