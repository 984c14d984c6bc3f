namespace Analytics.Dashboard.Tests.Support;

/// <summary>Temporary folders for the dashboards the tests start (their snapshots, accounts and keys).</summary>
public static class TempFolder
{
    /// <summary>A new, empty temporary folder; the caller deletes it.</summary>
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
