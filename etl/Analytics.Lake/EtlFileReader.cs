using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Lake;

/// <summary>The ETL's reader as the lake loader calls it: the landing's encoding hint, snapshot date and sheet choice become read options.</summary>
public static class EtlFileReader
{
    /// <summary>Reads, normalises and validates one landed file into <paramref name="sink"/>.</summary>
    public static FeedLoadResult Read(LoadInput input, IFeedSink sink, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var options = new FeedReadOptions { Encoding = input.Encoding, AsOf = input.AsOf, Sheets = input.Sheets ?? SheetSelection.All };
        return FeedLoader.Read(input.Feed, input.Path, sink, options);
    }
}
