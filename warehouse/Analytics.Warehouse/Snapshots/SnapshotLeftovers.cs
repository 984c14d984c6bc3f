namespace Analytics.Warehouse.Snapshots;

/// <summary>Removes what crashed builds left behind: <c>.building-*</c> files and export folders, and half-written pointer files.</summary>
internal static class SnapshotLeftovers
{
    /// <summary>Call only while holding the publish lock: then no other build owns these files.</summary>
    public static void Remove(string folder, string exportsRoot)
    {
        foreach (var file in Directory.EnumerateFiles(folder, SnapshotNames.BuildingPrefix + "*")
                     .Concat(Directory.EnumerateFiles(folder, ".*.tmp")))
        {
            File.Delete(file);
        }

        if (Directory.Exists(exportsRoot))
        {
            foreach (var dir in Directory.EnumerateDirectories(exportsRoot, SnapshotNames.BuildingPrefix + "*"))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
