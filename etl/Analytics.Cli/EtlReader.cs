using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Lake;

namespace Analytics.Cli;

/// <summary>The ETL's reader as the lake loader calls it: the landing's encoding hint and snapshot date become read options.</summary>
internal static class EtlReader
{
    public static FeedLoadResult Read(LoadInput input, IFeedSink sink, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var options = new FeedReadOptions { Encoding = input.Encoding, AsOf = input.AsOf };
        return FeedLoader.Read(input.Feed, input.Path, sink, options);
    }
}
