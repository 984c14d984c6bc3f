using System.Text.Json;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// Finds the snapshot to serve: the configured file, or in a snapshot folder the file its <c>current.json</c> names
/// (written by the snapshot store with a rename, so never partial), else the newest published <c>warehouse-*.duckdb</c>.
/// Files being built (<c>.building-*</c>) are never chosen.
/// </summary>
internal static class SnapshotLocator
{
    /// <summary>The snapshot file to open now, or null with the reason when there is none.</summary>
    public static string? Locate(AnalyticsOptions options, string contentRoot, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrWhiteSpace(options.Snapshot))
        {
            var file = Path.GetFullPath(options.Snapshot, contentRoot);
            if (File.Exists(file))
            {
                return file;
            }

            problem = $"The snapshot file '{file}' (Analytics:Snapshot) does not exist.";
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.Snapshots))
        {
            problem = "No snapshot is configured: set Analytics:Snapshot to a .duckdb file or Analytics:Snapshots to a snapshot folder.";
            return null;
        }

        var folder = Path.GetFullPath(options.Snapshots, contentRoot);
        if (!Directory.Exists(folder))
        {
            problem = $"The snapshot folder '{folder}' (Analytics:Snapshots) does not exist: run 'analytics build' first.";
            return null;
        }

        var pointed = FromPointer(folder);
        if (pointed is not null)
        {
            return pointed;
        }

        var newest = Directory.EnumerateFiles(folder, "*.duckdb")
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .FirstOrDefault();
        if (newest is null)
        {
            problem = $"The snapshot folder '{folder}' holds no snapshot yet: run 'analytics build'.";
        }

        return newest;
    }

    /// <summary>The file <c>current.json</c> points to (its <c>snapshot</c> member, relative to the folder), if it exists.</summary>
    private static string? FromPointer(string folder)
    {
        var pointer = Path.Combine(folder, "current.json");
        if (!File.Exists(pointer))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(pointer));
            if (document.RootElement.TryGetProperty("snapshot", out var name) && name.ValueKind == JsonValueKind.String)
            {
                var file = Path.GetFullPath(name.GetString()!, folder);
                return File.Exists(file) ? file : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            // A pointer being replaced is read again at the next check; meanwhile fall back to the newest file.
        }

        return null;
    }
}
