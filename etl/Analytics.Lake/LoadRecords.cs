namespace Analytics.Lake;

/// <summary>
/// The records of load attempts, <c>lake/_loads/&lt;started yyyyMMddTHHmmssfff&gt;-&lt;attempt&gt;.json</c>: one per attempt,
/// written as <c>running</c> when it has the lake's lock and replaced (by a rename) with how it ended. A record still
/// <c>running</c> when another load holds the lock belongs to a process that died — killed, or its machine stopped —
/// and that load marks it <c>killed</c>.
/// </summary>
public static class LoadRecords
{
    /// <summary>Every record, oldest first; a record that cannot be read is skipped.</summary>
    public static IReadOnlyList<BatchManifest> All(LakeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!Directory.Exists(layout.LoadsRoot))
        {
            return [];
        }

        var records = new List<BatchManifest>();
        foreach (var path in Directory.EnumerateFiles(layout.LoadsRoot, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                records.Add(BatchManifest.Read(path) with { RecordPath = path });
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or IOException)
            {
                // Not a record (or a torn one from before records were written by a rename): nothing to report.
            }
        }

        return records;
    }

    /// <summary>Records whose status is still <c>running</c>, oldest first.</summary>
    public static IReadOnlyList<BatchManifest> Running(LakeLayout layout) =>
        All(layout).Where(r => r.Status == LoadStatus.Running).ToList();

    /// <summary>
    /// Whether the process of a <c>running</c> record is still alive, without touching the lake's lock (a status check
    /// must never make a load starting at that moment find the lake busy): true or false on the record's own machine —
    /// false also when its pid now belongs to a process started after the load —, null on another machine.
    /// </summary>
    public static bool? IsProcessAlive(BatchManifest record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Pid is not { } pid || !string.Equals(record.Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited && process.StartTime.ToUniversalTime() <= record.StartedAt.UtcDateTime.AddSeconds(1);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Writes a record; the path follows from its start time and attempt.</summary>
    internal static BatchManifest Write(LakeLayout layout, BatchManifest record)
    {
        Directory.CreateDirectory(layout.LoadsRoot);
        var path = record.RecordPath ?? Path.Combine(layout.LoadsRoot, $"{record.StartedAt:yyyyMMddTHHmmssfff}-{record.Attempt}.json");
        record.WriteAtomically(path);
        return record with { RecordPath = path };
    }

    /// <summary>
    /// Marks every running record killed; call only while holding the lake's lock, when no other load can be running.
    /// Returns the records' file names.
    /// </summary>
    internal static IReadOnlyList<string> MarkDeadAttemptsKilled(LakeLayout layout, LoadHolder finder)
    {
        var killed = new List<string>();
        foreach (var record in Running(layout).Where(r => r.Attempt != finder.Attempt))
        {
            var published = Directory.Exists(layout.BatchFolder(record.BatchId))
                ? $" Its batch load={record.BatchId} is in the lake (published before the process died)."
                : " Nothing of it was published; its files are loaded by the next load.";
            Write(layout, record with
            {
                Status = LoadStatus.Killed,
                Error = $"The load (pid {record.Pid} on {record.Host}) ended without finishing — killed, or its machine stopped; " +
                    $"found by the load of {finder.StartedAt:yyyy-MM-dd HH:mm:ss} UTC (pid {finder.Pid}).{published}",
            });
            killed.Add(Path.GetFileName(record.RecordPath!));
        }

        return killed;
    }
}

/// <summary>The statuses of a load attempt's record.</summary>
public static class LoadStatus
{
    /// <summary>Started and holding the lake's lock (or killed, until the next load finds it).</summary>
    public const string Running = "running";

    /// <summary>The batch is in the lake.</summary>
    public const string Published = "published";

    /// <summary>Every landed file was already in the lake.</summary>
    public const string NothingNew = "nothing_new";

    /// <summary>An input file was refused; nothing was published.</summary>
    public const string Refused = "refused";

    /// <summary>An error ended it; nothing was published.</summary>
    public const string Failed = "failed";

    /// <summary>Cancelled; nothing was published.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Its process died while it ran; found and marked by a later load.</summary>
    public const string Killed = "killed";
}
