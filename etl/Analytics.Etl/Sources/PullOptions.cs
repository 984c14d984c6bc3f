namespace Analytics.Etl.Sources;

/// <summary>How a pull talks to HTTP sources. The defaults suit a government portal over a slow link.</summary>
public sealed record PullOptions
{
    /// <summary>Requests per URL before giving up, the first included (default 4).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// The longest wait for response headers, or for the next piece of the body (default 100 s). It bounds a stall,
    /// not the whole download, so multi-GB files on a slow link are not cut off.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The back-off before the second attempt (default 1 s); it doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off between attempts, also capping a server's Retry-After (default 30 s).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a value cannot work, naming it and the accepted range.</summary>
    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "Give at least 1 attempt.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Give a positive time-out (or Timeout.InfiniteTimeSpan).");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), RetryMaxDelay, "Delays must be ≥ 0 and RetryMaxDelay ≥ RetryBaseDelay.");
        }
    }
}
