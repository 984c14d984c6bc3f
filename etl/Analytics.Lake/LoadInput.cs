using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Lake;

/// <summary>One landed file to load.</summary>
/// <param name="Feed">The feed it carries.</param>
/// <param name="Path">Its path in the landing area.</param>
/// <param name="Sha256">Its content hash (the landing area's name for it).</param>
/// <param name="OriginalName">The file's name at its source.</param>
/// <param name="Encoding">A configured text encoding, or <see cref="ExtractEncoding.Detect"/>.</param>
/// <param name="AsOf">A configured snapshot date for a registry file without a date column.</param>
/// <param name="Source">The configured source that delivered it, when known.</param>
/// <param name="Origin">Where it was delivered from (an absolute path or a URL), when known.</param>
/// <param name="Sheets">The workbook sheets its source declared; null for every sheet.</param>
public sealed record LoadInput(FeedKind Feed, string Path, string Sha256, string OriginalName, ExtractEncoding Encoding = ExtractEncoding.Detect, DateOnly? AsOf = null,
    string? Source = null, string? Origin = null, SheetSelection? Sheets = null);

/// <summary>Reads, normalises and validates one file into a sink (the ETL's reader, injected so the lake can be tested alone).</summary>
public delegate FeedLoadResult FeedFileReader(LoadInput input, IFeedSink sink, CancellationToken cancellationToken);
