using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Sources;

/// <summary>
/// Pulls one URL: a conditional GET (ETag / Last-Modified of the last landing from that URL), streamed to a temp
/// file in the landing area, verified, then landed. Retries time-outs, broken connections, truncation, 408, 429
/// and 5xx with exponential back-off and jitter; refuses other 4xx and content that differs from the configuration.
/// </summary>
internal sealed class HttpPuller(
    LandingSession session, HttpClient client, PullOptions options, IProgress<PullProgress>? progress, TimeProvider time, Func<double> random01)
{
    private const int BufferSize = 1 << 16;

    public async Task<FilePullResult> PullAsync(SourceDefinition source, Uri url, CancellationToken cancellationToken)
    {
        var origin = url.AbsoluteUri;
        var result = new FilePullResult { Source = source.Name, Feed = source.Feed, Origin = origin, Outcome = PullOutcome.Failed };

        // A configured sha256 that is already landed answers the question without touching the network.
        if (source.ExpectedSha256 is { } sha && session.FindLanded(source.Feed, sha) is { } known)
        {
            return Finished(result with { Outcome = PullOutcome.Unchanged, Entry = known, Reason = $"the configured sha256 is already landed as {known.Path}" });
        }

        var previous = session.FindLatestFrom(origin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var done = await AttemptAsync(source, url, previous, attempt, cancellationToken).ConfigureAwait(false);
                return Finished(done with { Attempts = attempt });
            }
            catch (PullAttemptException e) when (e.Retriable && attempt < options.MaxAttempts)
            {
                var delay = RetryPolicy.Delay(attempt, options.RetryBaseDelay, options.RetryMaxDelay, random01(), e.RetryAfter);
                progress?.Report(new PullProgress(source.Name, origin, PullStage.WaitingToRetry, 0, null, attempt));
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (PullAttemptException e)
            {
                var reason = e.Retriable
                    ? $"Gave up on {origin} after {attempt} {(attempt == 1 ? "attempt" : "attempts")}; the last: {e.Message} Try again later, or raise the time-out or attempts."
                    : e.Message;
                return Finished(result with { Attempts = attempt, Reason = $"Source '{source.Name}': {reason}" });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Writing into the landing area failed: not the server's fault, so not retried.
                return Finished(result with
                {
                    Attempts = attempt,
                    Reason = $"Source '{source.Name}': {origin} could not be written into {session.Area.Root}: {e.Message} Check free space and write permission.",
                });
            }
        }
    }

    private async Task<FilePullResult> AttemptAsync(
        SourceDefinition source, Uri url, LandingIndexEntry? previous, int attempt, CancellationToken cancellationToken)
    {
        var origin = url.AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // Some portals refuse requests without a User-Agent.
        request.Headers.UserAgent.ParseAdd("Analytics-Pull/1.0");
        if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (previous?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCts.CancelAfter(options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PullAttemptException($"{origin} sent no response within {Describe(options.Timeout)}.", retriable: true, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new PullAttemptException($"the request to {origin} failed: {e.Message}", retriable: true, inner: e);
        }

        using (response)
        {
            var result = new FilePullResult { Source = source.Name, Feed = source.Feed, Origin = origin, Outcome = PullOutcome.Unchanged };
            if (response.StatusCode == HttpStatusCode.NotModified && previous is not null)
            {
                return result with { Entry = previous, Reason = $"304 Not Modified; landed before as {previous.Path}" };
            }

            ThrowUnlessSuccess(source, origin, response);
            var declared = response.Content.Headers.ContentLength;
            if (declared is { } announced && source.ExpectedLength is { } expected && announced != expected)
            {
                throw new PullAttemptException(
                    $"Refused {origin}: the server announces {announced} bytes, but the configuration expects {expected} "
                    + $"({source.ConfigFile}, {source.JsonPath}.length). Check the address, or update 'length' if the new file is the right one.",
                    retriable: false);
            }

            await using var temp = LandingTempFile.Create(session.Area.TempFolder);
            await DownloadAsync(source, origin, response, temp, declared, attempt, attemptCts, cancellationToken).ConfigureAwait(false);
            await temp.CompleteAsync().ConfigureAwait(false);
            if (ExpectationCheck.Mismatch(source, temp.Sha256!, temp.Length, origin) is { } refused)
            {
                throw new PullAttemptException(refused, retriable: false);
            }

            var draft = new LandingIndexEntry
            {
                Source = source.Name,
                Feed = source.Feed,
                Origin = origin,
                OriginalName = FileNameOf(url, response),
                Sha256 = temp.Sha256!,
                Length = temp.Length,
                FetchedAt = time.GetUtcNow(),
                Path = "",
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified,
                Encoding = source.Encoding,
                AsOf = source.AsOf,
                Sheets = source.Sheets == SheetSelection.All ? null : source.Sheets,
            };
            var (entry, landed) = session.Land(temp, draft);
            return landed
                ? result with { Outcome = PullOutcome.New, Entry = entry, BytesLanded = entry.Length }
                : result with { Entry = entry, Reason = $"same content as {entry.Path}, landed before" };
        }
    }

    private async Task DownloadAsync(
        SourceDefinition source, string origin, HttpResponseMessage response, LandingTempFile temp, long? declared, int attempt,
        CancellationTokenSource attemptCts, CancellationToken cancellationToken)
    {
        var reporter = new ProgressReporter(progress, source.Name, origin, PullStage.Downloading, declared, attempt);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var body = await ReceiveAsync(() => response.Content.ReadAsStreamAsync(attemptCts.Token)).ConfigureAwait(false);
            reporter.Report(0, force: true);
            while (true)
            {
                // The time-out bounds each wait for data, not the whole transfer.
                attemptCts.CancelAfter(options.Timeout);
                var read = await ReceiveAsync(() => body.ReadAsync(buffer.AsMemory(0, BufferSize), attemptCts.Token).AsTask()).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await temp.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                reporter.Report(temp.Length);
            }

            reporter.Report(temp.Length, force: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // Only failures while receiving are the network's; a failed write to the landing area is not retried.
        async Task<T> ReceiveAsync<T>(Func<Task<T>> receive)
        {
            try
            {
                return await receive().ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new PullAttemptException(
                    $"{origin} stalled: no data for {Describe(options.Timeout)} after {temp.Length} of {Of(declared)} bytes.", retriable: true, inner: e);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new PullAttemptException(
                    $"the download of {origin} was cut off after {temp.Length} of {Of(declared)} bytes ({e.Message}); the partial file was discarded.",
                    retriable: true, inner: e);
            }
        }

        if (declared is { } length && temp.Length != length)
        {
            throw new PullAttemptException(
                $"the download of {origin} was truncated: {temp.Length} bytes received, Content-Length said {length}; the partial file was discarded.",
                retriable: true);
        }
    }

    private void ThrowUnlessSuccess(SourceDefinition source, string origin, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        if (RetryPolicy.IsRetriable(response.StatusCode))
        {
            throw new PullAttemptException($"{origin} answered {status}.", retriable: true,
                RetryPolicy.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
        }

        var hint = response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => "Check the address",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "Check that this machine may download it (credentials, IP allow-list)",
            HttpStatusCode.NotModified => "The server answered a conditional request that was not sent; check for a caching proxy",
            _ => "Check the address and the server",
        };
        throw new PullAttemptException(
            $"{origin} answered {status}; not retried, because repeating the same request would get the same answer. "
            + $"{hint} ({source.ConfigFile}, {source.JsonPath}).",
            retriable: false);
    }

    private static string FileNameOf(Uri url, HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var named = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
        if (!string.IsNullOrWhiteSpace(named))
        {
            return LandingFileName.Sanitize(Path.GetFileName(named.Replace('\\', '/')));
        }

        var last = url.Segments.Length > 0 ? Uri.UnescapeDataString(url.Segments[^1]).TrimEnd('/') : "";
        return LandingFileName.Sanitize(last);
    }

    private static string Of(long? declared) => declared is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "an unknown number of";

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";

    private FilePullResult Finished(FilePullResult result)
    {
        progress?.Report(new PullProgress(result.Source, result.Origin, PullStage.Finished, result.BytesLanded, result.Entry?.Length, Math.Max(1, result.Attempts)));
        return result;
    }
}
