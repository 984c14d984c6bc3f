using System.Text.Json;

namespace Analytics.Snapshots;

/// <summary>
/// Which snapshot file a path means, by one rule for every reader (the <c>analytics</c> command, the dashboard, the
/// notebooks): a <c>.duckdb</c> file is itself; a snapshot folder means the file its <c>current.json</c> names — or,
/// when that file is damaged, the newest intact snapshot older than it (<see cref="TryChoose"/>).
/// </summary>
/// <remarks>
/// <para>A folder without <c>current.json</c> has no published snapshot, even when it holds <c>warehouse-*.duckdb</c>
/// files: the snapshot store renames a finished build into place before it replaces <c>current.json</c>, so the newest
/// file may be one whose publish never completed. Falling back to it would serve what was never published; a fallback
/// is therefore only ever to a snapshot <em>older</em> than the one <c>current.json</c> names, with its record.</para>
/// <para><c>current.json</c> is replaced by a rename and is never partial; a pointer that cannot be read is an error
/// naming the file, not a reason to guess.</para>
/// <para>"Damaged" is <see cref="SnapshotIntegrity.QuickCheck"/> failing against the size the publish recorded (a
/// truncated file) or DuckDB's header, or a reason the caller already knows (a failed open, a failed full hash).</para>
/// </remarks>
public static class SnapshotResolver
{
    /// <summary>The pointer file of a snapshot folder.</summary>
    public const string PointerFileName = "current.json";

    private const string SnapshotPrefix = "warehouse-";
    private const string SnapshotExtension = ".duckdb";

    /// <summary>
    /// The snapshot file <paramref name="path"/> means, falling back past a damaged current snapshot; a fallback is
    /// reported on <paramref name="warnings"/> (standard error when not given).
    /// </summary>
    /// <exception cref="SnapshotNotFoundException">Nothing intact is published there; the message says where and what to do.</exception>
    public static string Resolve(string path, TextWriter? warnings = null)
    {
        if (!TryChoose(path, out var choice, out var problem))
        {
            throw new SnapshotNotFoundException(problem);
        }

        if (choice.Fallback is { } fallback)
        {
            (warnings ?? Console.Error).WriteLine(fallback.Describe(choice.File));
        }

        return choice.File;
    }

    /// <summary>
    /// The file <paramref name="path"/> names, unchecked: the file itself, or the one a folder's <c>current.json</c>
    /// names. Readers use <see cref="TryChoose"/>; this is for those that only need the name of what is current.
    /// </summary>
    public static bool TryResolve(string path, out string file, out string problem) =>
        TryPointed(path, out file, out _, out _, out problem);

    /// <summary>
    /// The snapshot file to read for <paramref name="path"/>: the one it names when that looks intact, else (for a
    /// folder) the newest older snapshot that does, with why (<see cref="SnapshotChoice.Fallback"/>). False with the
    /// reason when nothing is published or nothing intact is left.
    /// </summary>
    /// <param name="path">A snapshot file or folder.</param>
    /// <param name="choice">The file to read, its seal and the fallback, if any.</param>
    /// <param name="problem">Why there is nothing to read.</param>
    /// <param name="knownDamage">What the caller already knows is damaged: the reason for a file, or null (e.g. a failed open or full hash).</param>
    public static bool TryChoose(string path, out SnapshotChoice choice, out string problem, Func<string, string?>? knownDamage = null)
    {
        choice = new SnapshotChoice("", null, null);
        if (!TryPointed(path, out var wanted, out var seal, out var folder, out problem))
        {
            return false;
        }

        seal ??= SnapshotSeal.Read(SidecarOf(wanted));
        var reason = Damage(wanted, seal, knownDamage);
        if (reason is null)
        {
            choice = new SnapshotChoice(wanted, seal, null);
            return true;
        }

        if (folder is null)
        {
            problem = $"The snapshot '{wanted}' is damaged: {reason}. Pass an intact snapshot file or a snapshot folder.";
            return false;
        }

        var wantedName = Path.GetFileName(wanted);
        foreach (var older in Directory.EnumerateFiles(folder, SnapshotPrefix + "*" + SnapshotExtension)
                     .Where(f => string.CompareOrdinal(Path.GetFileName(f), wantedName) < 0 && File.Exists(SidecarOf(f)))
                     .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            var olderSeal = SnapshotSeal.Read(SidecarOf(older));
            if (Damage(older, olderSeal, knownDamage) is null)
            {
                choice = new SnapshotChoice(older, olderSeal, new SnapshotFallback(wantedName, reason));
                return true;
            }
        }

        problem = $"The current snapshot '{wanted}' is damaged ({reason}), and '{folder}' holds no intact older snapshot to fall back to. Run 'analytics build' to publish a new one.";
        return false;
    }

    private static string? Damage(string file, SnapshotSeal? seal, Func<string, string?>? knownDamage) =>
        knownDamage?.Invoke(file) ?? SnapshotIntegrity.QuickCheck(file, seal);

    private static string SidecarOf(string file) => Path.ChangeExtension(file, ".json");

    private static bool TryPointed(string path, out string file, out SnapshotSeal? seal, out string? folder, out string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        file = "";
        seal = null;
        folder = null;
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

        if (ReadPointer(pointer) is not { } named || FullPathOrNull(named.Name, full) is not { } target)
        {
            problem = $"'{pointer}' is not a snapshot pointer (it needs a \"snapshot\" member naming a file). It is written by 'analytics build' with a rename: restore it from the snapshot's sidecar <name>.json, or run 'analytics build' again.";
            return false;
        }

        if (!File.Exists(target))
        {
            problem = $"'{pointer}' names the snapshot '{target}', which does not exist. Run 'analytics build' to publish a new one.";
            return false;
        }

        file = target;
        seal = named.Seal;
        folder = Path.GetDirectoryName(target);
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

    private static (string Name, SnapshotSeal? Seal)? ReadPointer(string pointer)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(pointer));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("snapshot", out var member)
                && member.ValueKind == JsonValueKind.String
                && member.GetString() is { Length: > 0 } name
                ? (name, SnapshotSeal.Of(json.RootElement))
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The snapshot a reader reads (<see cref="SnapshotResolver.TryChoose"/>).</summary>
/// <param name="File">The snapshot file.</param>
/// <param name="Seal">What its publish recorded (null for snapshots published before seals were recorded, or a bare file).</param>
/// <param name="Fallback">Set when <paramref name="File"/> is not the current snapshot because that one is damaged.</param>
public sealed record SnapshotChoice(string File, SnapshotSeal? Seal, SnapshotFallback? Fallback);

/// <summary>Why a reader reads an older snapshot than the current one.</summary>
/// <param name="Wanted">The file name of the current snapshot, which is damaged.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record SnapshotFallback(string Wanted, string Reason)
{
    /// <summary>The warning a command prints: what was wanted, why not, and what is read instead.</summary>
    public string Describe(string served) =>
        $"warning: the current snapshot {Wanted} is damaged ({Reason}); reading the older snapshot {Path.GetFileName(served)} instead. Run 'analytics build' to publish a new one.";
}
