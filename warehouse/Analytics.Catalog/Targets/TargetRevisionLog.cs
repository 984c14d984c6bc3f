using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Catalog;

/// <summary>
/// The target versions an administrator recorded after the plan: an append-only file of JSON lines
/// (<c>target-revisions.jsonl</c>, next to the snapshots), one version per line, never rewritten. The dashboard's admin
/// page and <c>analytics targets set</c> append to it; every build reads it and judges against the highest version.
/// </summary>
/// <remarks>
/// Writers hold <c>&lt;file&gt;.lock</c> exclusively while they read the last version and append the next, so two
/// administrators (or two dashboard processes) never record the same version number; a writer that saw an older
/// version than the one now current is refused (someone else changed the target meanwhile) instead of overwriting it.
/// </remarks>
public sealed class TargetRevisionLog(string path, TimeProvider? time = null)
{
    /// <summary>The file name used next to a snapshot folder.</summary>
    public const string FileName = "target-revisions.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The log for the snapshot folder <paramref name="snapshotsRoot"/>.</summary>
    public static TargetRevisionLog ForSnapshots(string snapshotsRoot) => new(System.IO.Path.Combine(snapshotsRoot, FileName));

    /// <summary>The file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Every recorded revision, in the order recorded (none when the file does not exist).</summary>
    /// <exception cref="InvalidDataException">A line is not a valid revision (its line number named).</exception>
    /// <remarks>Reads without the writers' lock (a reader may have no right to write next to the file): a last line
    /// without its line break is a write in progress and is not read yet.</remarks>
    public IReadOnlyList<TargetVersion> Read() => ReadUnlocked();

    /// <summary>The catalog's versions and the recorded ones together, checked, by plan, indicator and version.</summary>
    public IReadOnlyList<TargetVersion> AllVersions() => Merge(TargetCatalog.Versions, Read(), Path);

    /// <summary>
    /// Records a new version of <paramref name="indicatorId"/>'s targets and returns it. <paramref name="basedOn"/>
    /// is the version the editor saw: if another has been recorded since, nothing is written.
    /// </summary>
    /// <exception cref="TargetRevisionException">The version breaks a rule, or is based on a version no longer current.</exception>
    public TargetVersion Record(string indicatorId, IReadOnlyList<TargetRow> rows, string sourceDocument, string recordedBy, string? reason, int basedOn)
    {
        if (!TargetCatalog.Indicators.TryGetValue(indicatorId ?? "", out var facts))
        {
            throw new TargetRevisionException($"'{indicatorId}' is not an indicator of the catalog (Analytics.Catalog/indicators.csv).");
        }

        using var gate = Lock();
        var all = Merge(TargetCatalog.Versions, ReadUnlocked(), Path);
        var current = all.Where(v => v.IndicatorId == indicatorId).Select(v => v.Version).DefaultIfEmpty(0).Max();
        if (basedOn != current)
        {
            throw new TargetRevisionException(
                $"{indicatorId}'s targets are at version {current} now, not {basedOn}: someone recorded a change meanwhile. Reload, check it, and make your change again.");
        }

        var version = new TargetVersion(facts.Plan, indicatorId!, current + 1, rows, sourceDocument?.Trim() ?? "", recordedBy?.Trim() ?? "",
            _time.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        TargetRules.Check(version, "the new target version");
        var line = JsonSerializer.Serialize(version, Json) + "\n";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }

        return version;
    }

    /// <summary>The catalog's versions followed by the recorded ones, each checked; a version number used twice is refused.</summary>
    public static IReadOnlyList<TargetVersion> Merge(IReadOnlyList<TargetVersion> catalog, IReadOnlyList<TargetVersion> recorded, string path)
    {
        var seen = catalog.ToDictionary(v => (v.IndicatorId, v.Version), _ => TargetCatalog.CatalogAuthor);
        foreach (var (v, i) in recorded.Select((v, i) => (v, i + 1)))
        {
            if (!seen.TryAdd((v.IndicatorId, v.Version), $"{path} line {i}"))
            {
                throw new InvalidDataException(
                    $"{path} line {i}: version {v.Version} of {v.IndicatorId} is already defined in {seen[(v.IndicatorId, v.Version)]}; a version number is used once.");
            }
        }

        return [.. catalog.Concat(recorded)
            .OrderBy(v => v.Plan, StringComparer.Ordinal).ThenBy(v => v.IndicatorId, StringComparer.Ordinal).ThenBy(v => v.Version)];
    }

    private List<TargetVersion> ReadUnlocked()
    {
        var list = new List<TargetVersion>();
        if (!File.Exists(Path))
        {
            return list;
        }

        var text = File.ReadAllText(Path, Encoding.UTF8);
        var lines = text.Split('\n');
        var number = 0;
        foreach (var line in lines.Take(lines.Length - 1))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TargetVersion? version;
            try
            {
                version = JsonSerializer.Deserialize<TargetVersion>(line, Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{Path} line {number}: not a target revision ({ex.Message}).", ex);
            }

            if (version is null || version.Rows is null || version.Plan is null || version.IndicatorId is null)
            {
                throw new InvalidDataException($"{Path} line {number}: not a target revision (plan, indicator_id and rows are required).");
            }

            try
            {
                TargetRules.Check(version, $"{Path} line {number}");
            }
            catch (TargetRevisionException ex)
            {
                throw new InvalidDataException(ex.Message, ex);
            }

            list.Add(version);
        }

        return list;
    }

    /// <summary>Holds <c>&lt;file&gt;.lock</c> exclusively (an advisory lock; the file stays), waiting up to 10 s for another writer.</summary>
    private FileStream Lock()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(50);
            }
            catch (IOException ex)
            {
                throw new TargetRevisionException($"{Path}.lock has been held by another writer for 10 s; try again, or remove it if no writer is running.", ex);
            }
        }
    }
}
