using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Sources;

/// <summary>
/// One validated entry of a sources configuration: where one feed's extracts come from. Either a folder with
/// glob patterns (<see cref="Folder"/>, <see cref="Include"/>) or one or more HTTP(S) addresses (<see cref="Urls"/>),
/// never both.
/// </summary>
public sealed record SourceDefinition
{
    /// <summary>A short unique name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>), used in messages and the landing index.</summary>
    public required string Name { get; init; }

    /// <summary>The feed every file of this source carries.</summary>
    public required FeedKind Feed { get; init; }

    /// <summary>The absolute folder to scan, after <c>~</c> and <c>${VAR}</c> expansion; null for an HTTP source.</summary>
    public string? Folder { get; init; }

    /// <summary>Glob patterns relative to <see cref="Folder"/>, with <c>/</c> as separator (<c>*</c>, <c>?</c>, <c>**</c>).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Glob patterns of files to leave out even when <see cref="Include"/> matches them.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Absolute http or https addresses to download; empty for a folder source.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    /// <summary>The expected SHA-256 of the single file this source names, as 64 lower-case hex digits.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>The expected length in bytes of the single file this source names.</summary>
    public long? ExpectedLength { get; init; }

    /// <summary>The declared text encoding, or null to let the reader detect it.</summary>
    public TextEncodingHint? Encoding { get; init; }

    /// <summary>数据日期: the snapshot date of a registry extract whose rows do not carry one.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Which sheets of its workbooks carry the feed (<c>"sheets"</c>); every sheet by default.</summary>
    public SheetSelection Sheets { get; init; } = SheetSelection.All;

    /// <summary>The configuration file this source came from (for messages).</summary>
    public string ConfigFile { get; init; } = "";

    /// <summary>The JSON path of this source in <see cref="ConfigFile"/>, e.g. <c>$.sources[2]</c> (for messages).</summary>
    public string JsonPath { get; init; } = "";

    /// <summary>True when the source is a folder, false when it is a list of URLs.</summary>
    public bool IsFolder => Folder is not null;
}
