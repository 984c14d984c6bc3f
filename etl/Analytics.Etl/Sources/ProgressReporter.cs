namespace Analytics.Etl.Sources;

/// <summary>Reports one stage of one file, about every MiB rather than every buffer, so a progress bar stays cheap.</summary>
internal sealed class ProgressReporter(IProgress<PullProgress>? sink, string source, string origin, PullStage stage, long? total, int attempt = 1)
{
    private const long Every = 1 << 20;
    private long _lastReported = -1;

    /// <summary>Reports <paramref name="done"/> bytes when a MiB has passed since the last report, or when <paramref name="force"/>.</summary>
    public void Report(long done, bool force = false)
    {
        if (sink is null || (!force && _lastReported >= 0 && done - _lastReported < Every))
        {
            return;
        }

        _lastReported = done;
        sink.Report(new PullProgress(source, origin, stage, done, total, attempt));
    }
}
