namespace Analytics.TestSupport;

/// <summary>
/// Copies of <see cref="ProductSnapshot"/> a test may change: the shared file is read-only, so a test that writes to a
/// snapshot, publishes beside it or swaps it out works on its own copy in its own folder.
/// </summary>
public static class SnapshotFactory
{
    /// <summary>Copies the product snapshot to the file <paramref name="path"/> (replacing it), writable; returns the path.</summary>
    public static string CopyFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Copy(ProductSnapshot.SnapshotPath, path, overwrite: true);
        File.SetAttributes(path, FileAttributes.Normal);
        return path;
    }

    /// <summary>
    /// Copies the product's snapshot folder into <paramref name="folder"/> as the snapshot store published it: the file
    /// under its published name, its record, <c>current.json</c> naming it and its mart exports. A
    /// <c>SnapshotStore</c> on the folder sees it as current and can publish the next one. Returns the copied file.
    /// </summary>
    public static string CopyFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var source = ProductSnapshot.SnapshotsFolder;
        Copy(source, folder);
        var copied = Path.Combine(folder, Path.GetFileName(ProductSnapshot.SnapshotPath));
        File.SetAttributes(copied, FileAttributes.Normal);
        return copied;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
