using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Lake;

/// <summary>The ETL's reader as the lake loader calls it: the landing's encoding hint, snapshot date and sheet choice become read options.</summary>
public static class EtlFileReader
{
    /// <summary>
    /// Reads, normalises and validates one landed file into <paramref name="sink"/>, a CSV or JSON Lines file on every
    /// core (<see cref="FeedReadOptions.Parallelism"/>).
    /// </summary>
    public static FeedLoadResult Read(LoadInput input, IFeedSink sink, CancellationToken token) => Read(input, sink, Environment.ProcessorCount, token);

    /// <summary>The reader with <paramref name="parallelism"/> threads per file (1: the sequential read).</summary>
    public static FeedFileReader WithParallelism(int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        return (input, sink, token) => Read(input, sink, parallelism, token);
    }

    private static FeedLoadResult Read(LoadInput input, IFeedSink sink, int parallelism, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var options = new FeedReadOptions
        {
            Encoding = input.Encoding, AsOf = input.AsOf, Sheets = input.Sheets ?? SheetSelection.All, Parallelism = parallelism,
        };
        return FeedLoader.Read(input.Feed, input.Path, sink, options);
    }
}
