namespace Analytics.Etl.Sources;

/// <summary>
/// Stage 0 of the ETL: copies every file of every configured source, byte for byte, into a <see cref="LandingArea"/>.
/// Content already landed for a feed is not landed again (a pull is safe to repeat); each file lands through a
/// fsynced temp file and an atomic rename, so readers never see a partial file.
/// </summary>
/// <remarks>
/// Failures are reported per file or per source in the returned <see cref="PullReport"/>, and the remaining sources
/// are still pulled. Exceptions are for the caller's problems: cancellation (<see cref="OperationCanceledException"/>),
/// another pull holding the landing area or a damaged index (<see cref="IOException"/>,
/// <see cref="InvalidDataException"/>).
/// </remarks>
public sealed class SourcePuller : IDisposable
{
    private readonly LandingArea _landing;
    private readonly PullOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _ownsClient;
    private HttpClient? _client;

    /// <summary>Creates a puller into <paramref name="landing"/>.</summary>
    /// <param name="landing">Where files land.</param>
    /// <param name="options">Attempts, time-out and back-off for HTTP sources; defaults when null.</param>
    /// <param name="httpClient">
    /// The client for HTTP sources, or null to create one on first need (disposed with this puller). A given
    /// client's own <see cref="HttpClient.Timeout"/> still applies; set it to infinite to leave time-outs to
    /// <see cref="PullOptions.Timeout"/>. It should not decompress automatically, or the landed bytes will not be
    /// the bytes the server sent.
    /// </param>
    /// <param name="timeProvider">The clock for fetched_at and back-off; the system clock when null.</param>
    public SourcePuller(LandingArea landing, PullOptions? options = null, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(landing);
        _landing = landing;
        _options = options ?? new PullOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _client = httpClient;
        _ownsClient = httpClient is null;
    }

    /// <summary>Pulls every source of <paramref name="config"/>, in order.</summary>
    public Task<PullReport> PullAsync(SourcesConfig config, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return PullAsync(config.Sources, progress, cancellationToken);
    }

    /// <summary>Pulls the given sources, in order (e.g. a subset of a configuration chosen by name).</summary>
    public async Task<PullReport> PullAsync(
        IEnumerable<SourceDefinition> sources, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var session = LandingSession.Open(_landing);
        var folders = new FolderPuller(session, progress, _time);
        var results = new List<SourcePullResult>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.IsFolder)
            {
                results.Add(await folders.PullAsync(source, cancellationToken).ConfigureAwait(false));
                continue;
            }

            var http = new HttpPuller(session, Client(), _options, progress, _time, Random.Shared.NextDouble);
            var files = new List<FilePullResult>(source.Urls.Count);
            foreach (var url in source.Urls)
            {
                files.Add(await http.PullAsync(source, url, cancellationToken).ConfigureAwait(false));
            }

            results.Add(new SourcePullResult(source, files));
        }

        return new PullReport(results);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client?.Dispose();
        }
    }

    private HttpClient Client() => _client ??= new HttpClient(new SocketsHttpHandler
    {
        // Landed bytes must be the bytes served: no transparent gzip.
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = _options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        // Time-outs are per wait (PullOptions.Timeout), so a long download is not cut off by a total limit.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
