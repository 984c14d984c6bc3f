using Analytics.Dashboard.Snapshots;

namespace Analytics.Dashboard.Replicas;

/// <summary>
/// The balancer's and the service manager's view of one process: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (a snapshot that passed its check — size and header against its publish's record, and opening
/// it — is being served, and the process is not stopping). Anonymous, tiny, and never touching the database.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Text("live"))
            .WithSummary("The process answers (restart it when this fails).");
        group.MapGet("/ready", (SnapshotSource source, IHostApplicationLifetime lifetime) => Ready(source, lifetime))
            .WithSummary("A verified snapshot is open and the process is not stopping (send it requests only while this is 200).");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<HealthAnswer> Ready(SnapshotSource source, IHostApplicationLifetime lifetime)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return TypedResults.Json(new HealthAnswer("stopping", null, false, null, "the process is stopping; requests in flight are finishing"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var current = source.Current;
        if (current is null)
        {
            return TypedResults.Json(new HealthAnswer("not_ready", null, false, null, source.Problem ?? "no snapshot is open"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Json(new HealthAnswer("ready", Path.GetFileName(current.Path), current.Verified, current.Fallback?.Wanted, null));
    }

    /// <summary>What <c>/health/ready</c> answers.</summary>
    /// <param name="Status">ready, not_ready or stopping.</param>
    /// <param name="Snapshot">The snapshot served.</param>
    /// <param name="Hashed">Whether its whole file has matched its recorded SHA-256 yet (checked in the background).</param>
    /// <param name="FallbackFrom">The damaged current snapshot this one stands in for, if any.</param>
    /// <param name="Reason">Why the process is not ready.</param>
    internal sealed record HealthAnswer(string Status, string? Snapshot, bool Hashed, string? FallbackFrom, string? Reason);
}
