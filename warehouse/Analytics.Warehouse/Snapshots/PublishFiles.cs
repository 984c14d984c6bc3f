namespace Analytics.Warehouse.Snapshots;

/// <summary>The paths one publish writes, temporary and final, and how to remove them.</summary>
internal sealed record PublishFiles(string Folder, string ExportsRoot, string Id, string Name)
{
    public string Building => Path.Combine(Folder, SnapshotNames.BuildingPrefix + Id + SnapshotNames.Extension);

    public string BuildingExports => Path.Combine(ExportsRoot, SnapshotNames.BuildingPrefix + Id);

    public string Snapshot => Path.Combine(Folder, Name + SnapshotNames.Extension);

    public string Exports => Path.Combine(ExportsRoot, Name);

    public string Sidecar => Path.Combine(Folder, Name + ".json");

    /// <summary>Removes everything of a publish that did not complete (its final names are not current, so nobody reads them).</summary>
    public void DeleteAll()
    {
        DeleteFile(Building);
        DeleteFile(Building + ".wal");
        DeleteFolder(BuildingExports);
        DeletePublished();
    }

    /// <summary>Removes a published snapshot: the file, its record and its exports (the record last, so a failure leaves it listed).</summary>
    public void DeletePublished()
    {
        DeleteFile(Snapshot);
        DeleteFile(Snapshot + ".wal");
        DeleteFolder(Exports);
        DeleteFile(Sidecar);
    }

    private static void DeleteFile(string path) => File.Delete(path);

    private static void DeleteFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
