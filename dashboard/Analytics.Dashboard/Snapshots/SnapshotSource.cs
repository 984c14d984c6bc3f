using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// The snapshot being served. <see cref="Refresh"/> looks for a newer one (the watcher calls it every few seconds) and
/// swaps it in atomically; requests take <see cref="Current"/> once, at their start.
/// </summary>
public sealed partial class SnapshotSource : IDisposable
{
    private readonly AnalyticsOptions _options;
    private readonly string _contentRoot;
    private readonly ILogger<SnapshotSource> _logger;
    private readonly Lock _gate = new();
    private volatile SnapshotState? _current;
    private string? _failedPath;

    /// <summary>Creates the source; the first snapshot is opened on first use.</summary>
    public SnapshotSource(IOptions<AnalyticsOptions> options, IWebHostEnvironment environment, ILogger<SnapshotSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options.Value;
        _contentRoot = environment.ContentRootPath;
        _logger = logger;
    }

    /// <summary>Why there is no snapshot, when there is none.</summary>
    public string? Problem { get; private set; }

    /// <summary>The snapshot to serve, or null when none can be opened (see <see cref="Problem"/>).</summary>
    public SnapshotState? Current => _current ?? Refresh();

    /// <summary>Opens the newest snapshot if it differs from the one served; returns the one served afterwards.</summary>
    public SnapshotState? Refresh()
    {
        var path = SnapshotLocator.Locate(_options, _contentRoot, out var problem);
        if (path is null)
        {
            Problem = problem;
            return _current;
        }

        if (_current?.Path == path || path == _failedPath)
        {
            return _current;
        }

        lock (_gate)
        {
            if (_current?.Path == path)
            {
                return _current;
            }

            try
            {
                var next = SnapshotState.Open(path);
                var previous = _current;
                _current = next;
                Problem = null;
                _failedPath = null;
                previous?.Dispose();
                Serving(_logger, path);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or Analytics.DuckDb.DuckDbException)
            {
                _failedPath = path;
                Problem = $"The snapshot '{path}' could not be opened: {ex.Message}";
                OpenFailed(_logger, ex, path);
            }
        }

        return _current;
    }

    /// <inheritdoc />
    public void Dispose() => _current?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving snapshot {Path}")]
    private static partial void Serving(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot {Path} could not be opened")]
    private static partial void OpenFailed(ILogger logger, Exception exception, string path);
}
