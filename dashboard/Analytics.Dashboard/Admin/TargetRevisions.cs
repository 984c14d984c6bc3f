using Analytics.Dashboard.Snapshots;
using Analytics.Catalog;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Admin;

/// <summary>
/// Where the admin page records target versions: <c>Analytics:TargetRevisions</c>, else <c>target-revisions.jsonl</c>
/// in the snapshot folder — the file the next <c>analytics build</c> of that folder reads. A dashboard serving one
/// snapshot file has no such folder, and says so instead of recording versions no build would read.
/// </summary>
public sealed class TargetRevisions(IOptions<AnalyticsOptions> options, IWebHostEnvironment environment)
{
    /// <summary>The log, or null when none is configured.</summary>
    public TargetRevisionLog? Log { get; } = Locate(options.Value, environment.ContentRootPath);

    private static TargetRevisionLog? Locate(AnalyticsOptions options, string root) =>
        !string.IsNullOrWhiteSpace(options.TargetRevisions) ? new TargetRevisionLog(Path.GetFullPath(options.TargetRevisions, root))
        : string.IsNullOrWhiteSpace(options.Snapshot) && !string.IsNullOrWhiteSpace(options.Snapshots) ? TargetRevisionLog.ForSnapshots(Path.GetFullPath(options.Snapshots, root))
        : null;
}
