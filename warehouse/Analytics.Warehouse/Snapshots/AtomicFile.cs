namespace Analytics.Warehouse.Snapshots;

/// <summary>Writes a small file so that readers see the old content or the new, never a part: write a temporary file, flush it to disk, rename it over.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + SnapshotNames.NewId() + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            // rename(2) on Unix and MoveFileEx(REPLACE_EXISTING) on Windows: atomic for readers of the path.
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
