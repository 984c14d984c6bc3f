using System.Text.Json;

namespace Analytics.Snapshots;

/// <summary>
/// Which snapshot file a path means, by one rule for every reader (the <c>analytics</c> command, the dashboard, the
/// notebooks): a <c>.duckdb</c> file is itself; a snapshot folder means the file its <c>current.json</c> names.
/// </summary>
/// <remarks>
/// <para>A folder without <c>current.json</c> has no published snapshot, even when it holds <c>warehouse-*.duckdb</c>
/// files: the snapshot store renames a finished build into place before it replaces <c>current.json</c>, so the newest
/// file may be one whose publish never completed. Falling back to it would serve what was never published.</para>
/// <para><c>current.json</c> is replaced by a rename and is never partial; a pointer that cannot be read is an error
/// naming the file, not a reason to guess.</para>
/// </remarks>
public static class SnapshotResolver
{
    /// <summary>The pointer file of a snapshot folder.</summary>
    public const string PointerFileName = "current.json";

    /// <summary>The snapshot file <paramref name="path"/> means.</summary>
    /// <exception cref="SnapshotNotFoundException">Nothing is published there; the message says where and what to do.</exception>
    public static string Resolve(string path) =>
        TryResolve(path, out var file, out var problem) ? file : throw new SnapshotNotFoundException(problem);

    /// <summary>The snapshot file <paramref name="path"/> means, or false with the reason.</summary>
    public static bool TryResolve(string path, out string file, out string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        file = "";
        problem = "";
        if (File.Exists(full))
        {
            file = full;
            return true;
        }

        if (!Directory.Exists(full))
        {
            problem = $"'{full}' is neither a snapshot file (.duckdb) nor a snapshot folder. Pass a file or a folder, or run 'analytics build' first.";
            return false;
        }

        var pointer = Path.Combine(full, PointerFileName);
        if (!File.Exists(pointer))
        {
            problem = $"No warehouse snapshot is published in '{full}' (it has no {PointerFileName}). Run 'analytics build' (or 'analytics demo') first, or pass a snapshot file.";
            return false;
        }

        if (PointedName(pointer) is not { } name || FullPathOrNull(name, full) is not { } named)
        {
            problem = $"'{pointer}' is not a snapshot pointer (it needs a \"snapshot\" member naming a file). It is written by 'analytics build' with a rename: restore it from the snapshot's sidecar <name>.json, or run 'analytics build' again.";
            return false;
        }

        if (!File.Exists(named))
        {
            problem = $"'{pointer}' names the snapshot '{named}', which does not exist. Run 'analytics build' to publish a new one.";
            return false;
        }

        file = named;
        return true;
    }

    /// <summary>The path a pointer's name means, or null when it is no path at all (a NUL or other character no path may hold).</summary>
    private static string? FullPathOrNull(string name, string folder)
    {
        try
        {
            return Path.GetFullPath(name, folder);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private static string? PointedName(string pointer)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(pointer));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("snapshot", out var member)
                && member.ValueKind == JsonValueKind.String
                && member.GetString() is { Length: > 0 } name
                ? name
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
