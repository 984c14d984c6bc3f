using System.Text.Json.Serialization;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Sources;

/// <summary>
/// One line of the landing index (<c>landing/index.jsonl</c>): one landed file, i.e. one distinct content of one
/// feed. The load stage reads these; it needs no sources configuration.
/// </summary>
public sealed record LandingIndexEntry
{
    /// <summary>The name of the source that first brought this content.</summary>
    public required string Source { get; init; }

    /// <summary>The feed the file carries; in JSON its canonical name (<c>rd_spend</c>).</summary>
    [JsonConverter(typeof(FeedKindJsonConverter))]
    public required FeedKind Feed { get; init; }

    /// <summary>Where the file came from: an absolute path or a URL.</summary>
    public required string Origin { get; init; }

    /// <summary>The file's name at its origin (for a URL: from Content-Disposition or the last path segment).</summary>
    public required string OriginalName { get; init; }

    /// <summary>SHA-256 of the content, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Length of the content in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>When the content was landed (UTC).</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>The landed file, relative to the landing root, with <c>/</c>: <c>&lt;feed&gt;/&lt;sha256&gt;/&lt;original name&gt;</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP ETag the server sent with the content, as sent (quotes and <c>W/</c> included).</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>The HTTP Last-Modified the server sent with the content.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The encoding the source declared, if any.</summary>
    public TextEncodingHint? Encoding { get; init; }

    /// <summary>The registry snapshot date the source declared, if any.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The workbook sheets the source declared (<c>"sheets"</c>); null for every sheet.</summary>
    public SheetSelection? Sheets { get; init; }
}
