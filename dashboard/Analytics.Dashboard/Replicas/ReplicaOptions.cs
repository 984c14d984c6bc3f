namespace Analytics.Dashboard.Replicas;

/// <summary>
/// What several dashboard processes behind one balancer must agree on (section <c>Analytics:Replica</c>); see
/// docs/deployment.md. The accounts database, the audit logs and the snapshots folder are shared by pointing every
/// replica at the same files (their own settings).
/// </summary>
public sealed class ReplicaOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:Replica";

    /// <summary>
    /// The folder of ASP.NET Core data-protection keys, which protect the sign-in cookie and the antiforgery tokens:
    /// every replica must read the same folder, or a cookie made by one is refused by the others. Relative to the
    /// content root unless absolute; empty = a <c>keys</c> folder beside the accounts database.
    /// </summary>
    public string DataProtectionKeys { get; set; } = "";

    /// <summary>How long a stopping process (SIGTERM) lets the requests in flight finish, in seconds.</summary>
    public double ShutdownSeconds { get; set; } = 30;
}
