using System.Net;
using System.Net.Http.Headers;

namespace Analytics.Etl.Sources;

/// <summary>Which HTTP failures are worth another attempt, and how long to wait before it.</summary>
internal static class RetryPolicy
{
    /// <summary>
    /// 408, 429 and every 5xx: the server may answer differently in a moment. Other 4xx mean the request itself is
    /// wrong (address, credentials), and repeating it only delays the error.
    /// </summary>
    public static bool IsRetriable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status is >= 500 and <= 599;

    /// <summary>
    /// The wait after failed attempt <paramref name="failedAttempt"/> (1-based): base × 2^(n−1) capped at
    /// <paramref name="maxDelay"/>, half of it fixed and half jittered by <paramref name="random01"/> ∈ [0, 1) so
    /// that many clients do not retry in step; at least a server's Retry-After, itself capped at the maximum.
    /// </summary>
    public static TimeSpan Delay(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay, double random01, TimeSpan? retryAfter = null)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempt - 1, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds((capped / 2) + (random01 * capped / 2));
        if (retryAfter is { } wanted && wanted > jittered)
        {
            return wanted < maxDelay ? wanted : maxDelay;
        }

        return jittered;
    }

    /// <summary>A response's Retry-After as a delay from <paramref name="now"/>, or null.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
