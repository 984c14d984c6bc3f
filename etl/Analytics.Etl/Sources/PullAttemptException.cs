namespace Analytics.Etl.Sources;

/// <summary>One HTTP attempt failed; says whether another attempt may succeed. Never leaves the puller.</summary>
internal sealed class PullAttemptException(string message, bool retriable, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>True for time-outs, broken connections, truncation, 408, 429 and 5xx.</summary>
    public bool Retriable { get; } = retriable;

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
