using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.DemoData;

/// <summary>One generated file.</summary>
/// <param name="Path">Relative to the output directory, forward slashes, e.g. <c>registry/registry_cq_2014-12-31.csv</c>.</param>
/// <param name="Feed">registry, recognitions, patents, rd_spend or survey.</param>
/// <param name="Region">cq, yy or pv.</param>
/// <param name="Rows">Data rows, counting every duplicate copy and dirty row, not counting title, header, blank or totals rows.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Dirt">Injected dirt by kind (see <see cref="Dirt.DirtKindNames"/>); blank_line and totals_row count lines/rows.</param>
public sealed record DemoFileEntry(
    string Path, string Feed, string Region, long Rows, long Bytes, IReadOnlyDictionary<string, long> Dirt);

/// <summary>What was generated: every file with its feed, region, row count and injected dirt; written as manifest.json.</summary>
/// <param name="Seed">The seed used.</param>
/// <param name="Scale">The demo scale (1 unless set).</param>
/// <param name="ProvinceScale">The province multiplier, when the benchmark region was generated.</param>
/// <param name="DirtRate">The per-kind dirt rate.</param>
/// <param name="Files">The files, ordered by path.</param>
public sealed record DemoManifest(int Seed, double Scale, double? ProvinceScale, double DirtRate, IReadOnlyList<DemoFileEntry> Files)
{
    /// <summary>The manifest's file name in the output directory.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest as indented JSON with snake_case keys.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    public static DemoManifest FromJson(string json) =>
        JsonSerializer.Deserialize<DemoManifest>(json, JsonOptions)
        ?? throw new InvalidDataException("The manifest is empty.");
}
