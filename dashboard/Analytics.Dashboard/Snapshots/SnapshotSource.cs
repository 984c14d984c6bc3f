using System.Collections.Concurrent;
using Analytics.Snapshots;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// The snapshot being served. <see cref="Refresh()"/> (the watcher calls it every few seconds, off the request path)
/// chooses the snapshot to serve — the current one, or the newest intact older one when the current one is damaged —
/// opens, checks and warms it, then swaps it in atomically; requests take <see cref="Current"/> once, at their start,
/// and keep the one they took. A snapshot served is then read whole in the background and compared with the SHA-256
/// its publish recorded; one found damaged (there, or by a failed query: <see cref="TryRecover"/>) is not served again
/// unless its file changes.
/// </summary>
public sealed partial class SnapshotSource : IDisposable
{
    /// <summary>Most snapshots tried in one refresh before giving up until the next.</summary>
    private const int MaxAttempts = 8;

    private readonly AnalyticsOptions _options;
    private readonly string _contentRoot;
    private readonly ILogger<SnapshotSource> _logger;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Damage> _damaged = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private volatile SnapshotState? _current;
    private volatile string? _problem;

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
    public string? Problem => _problem;

    /// <summary>The snapshot to serve, or null when none can be opened (see <see cref="Problem"/>).</summary>
    public SnapshotState? Current => _current ?? Refresh();

    /// <summary>Serves the snapshot to serve now if it differs from the one served (opened and warmed first); returns the one served afterwards.</summary>
    public SnapshotState? Refresh() => Refresh(null);

    /// <summary>
    /// As <see cref="Refresh()"/>; when a newer snapshot replaces a served one, <paramref name="beforeServing"/> is
    /// given it, opened and warmed, before it is served (the watcher renders page parts against it). Its failure does
    /// not stop the switch.
    /// </summary>
    internal SnapshotState? Refresh(Action<SnapshotState>? beforeServing)
    {
        lock (_gate)
        {
            return RefreshHoldingGate(beforeServing);
        }
    }

    /// <summary>
    /// Called when reading <paramref name="failed"/> threw <paramref name="exception"/>: if the file is damaged, it is
    /// marked so and the fallback is served at once. False when the error is not the file's fault (the caller rethrows);
    /// true with the snapshot to retry on, or null when nothing intact is left (<see cref="Problem"/> says why).
    /// </summary>
    internal bool TryRecover(SnapshotState failed, Exception exception, out SnapshotState? next)
    {
        next = null;
        var quick = SnapshotIntegrity.QuickCheck(failed.Path, failed.Seal);
        if (quick is null && !SnapshotIntegrity.IsDamage(exception))
        {
            return false;
        }

        MarkDamaged(failed.Path, quick ?? $"reading it failed ({exception.Message})", exception);
        next = Refresh();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _current?.Dispose();
    }

    private SnapshotState? RefreshHoldingGate(Action<SnapshotState>? beforeServing)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var served = _current;
            var choice = SnapshotLocator.Locate(_options, _contentRoot, KnownDamage, out var problem);
            if (choice is null)
            {
                _problem = problem;
                if (served is not null && (KnownDamage(served.Path) ?? SnapshotIntegrity.QuickCheck(served.Path, served.Seal)) is not null)
                {
                    // Nothing intact is left: answer 503 with the reason rather than serve a damaged file.
                    _current = null;
                    served.Dispose();
                    NothingIntact(_logger, problem ?? "");
                }

                return _current;
            }

            if (served is not null && served.Path == choice.File)
            {
                if (served.Fallback != choice.Fallback)
                {
                    served.Fallback = choice.Fallback;
                    LogServing(served);
                }

                _problem = null;
                return served;
            }

            SnapshotState next;
            try
            {
                next = SnapshotState.Open(choice.File, choice.Seal);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or Analytics.DuckDb.DuckDbException)
            {
                MarkDamaged(choice.File, $"it could not be opened ({ex.Message})", ex);
                continue;
            }

            next.Fallback = choice.Fallback;
            if (served is not null && beforeServing is not null)
            {
                try
                {
                    beforeServing(next);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    BeforeServingFailed(_logger, ex, next.Path);
                }
            }

            _current = next;
            _problem = null;
            served?.Dispose();
            LogServing(next);
            VerifyInBackground(next);
            return next;
        }

        return _current;
    }

    private void LogServing(SnapshotState state)
    {
        if (state.Fallback is { } fallback)
        {
            ServingFallback(_logger, state.Path, fallback.Wanted, fallback.Reason);
        }
        else
        {
            Serving(_logger, state.Path);
        }
    }

    /// <summary>Reads the served file whole and compares it with its seal; a mismatch serves the fallback.</summary>
    private void VerifyInBackground(SnapshotState state)
    {
        if (state.Seal is not { } seal)
        {
            Unsealed(_logger, state.Path);
            return;
        }

        var stopping = _stopping.Token;
        // On its own thread at low priority, as the watcher opens snapshots: reading a large file whole must not take
        // CPU from requests.
        var verifier = new Thread(
            () =>
            {
                LowPriority.LowerCurrentThread();
                try
                {
                    if (SnapshotIntegrity.FullCheck(state.Path, seal, stopping) is { } reason)
                    {
                        MarkDamaged(state.Path, reason, null);
                        Refresh();
                    }
                    else
                    {
                        state.Verified = true;
                        Verified(_logger, state.Path);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The dashboard is stopping.
                }
            })
        {
            IsBackground = true,
            Name = "snapshot verifier",
        };
        verifier.Start();
    }

    private string? KnownDamage(string file) =>
        _damaged.TryGetValue(file, out var damage) && damage.Is(file) ? damage.Reason : null;

    private void MarkDamaged(string file, string reason, Exception? exception)
    {
        _damaged[file] = Damage.Of(file, reason);
        Damaged(_logger, exception, file, reason);
    }

    /// <summary>Why a file is not served, for as long as it keeps the length and time it had when that was found.</summary>
    private sealed record Damage(long Length, DateTime WrittenAt, string Reason)
    {
        public static Damage Of(string file, string reason)
        {
            var info = new FileInfo(file);
            return info.Exists ? new Damage(info.Length, info.LastWriteTimeUtc, reason) : new Damage(-1, default, reason);
        }

        public bool Is(string file)
        {
            var info = new FileInfo(file);
            return info.Exists ? info.Length == Length && info.LastWriteTimeUtc == WrittenAt : Length == -1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving snapshot {Path}")]
    private static partial void Serving(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing {Path} before serving it failed; serving it anyway")]
    private static partial void BeforeServingFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serving the older snapshot {Path}: the current snapshot {Wanted} is damaged ({Reason})")]
    private static partial void ServingFallback(ILogger logger, string path, string wanted, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot {Path} is damaged and is not served: {Reason}")]
    private static partial void Damaged(ILogger logger, Exception? exception, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No intact snapshot to serve: {Problem}")]
    private static partial void NothingIntact(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {Path} matches the SHA-256 recorded at its publish")]
    private static partial void Verified(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {Path} has no recorded size and SHA-256 (published before they were recorded): checked by its header and by opening it only")]
    private static partial void Unsealed(ILogger logger, string path);
}
