using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Tests.Support;

/// <summary>Runs the loader into a collecting sink and checks row conservation on every load.</summary>
public static class Loads
{
    public static (FeedLoadResult Result, CollectingFeedSink Sink) Run(FeedKind kind, string path, FeedReadOptions? options = null)
    {
        var sink = new CollectingFeedSink();
        var result = FeedLoader.Read(kind, path, sink, options);
        Assert.True(result.IsBalanced, result.ToString());
        Assert.Equal(result.RowsAccepted, sink.Rows.Count);
        Assert.Equal(result.RowsQuarantined, sink.Rejections.Count);
        return (result, sink);
    }

    public static ExtractRefusedException Refused(FeedKind kind, string path, FeedReadOptions? options = null)
    {
        var sink = new CollectingFeedSink();
        // A refusal found part-way through comes after some rows reached the sink, which discards them (the lake
        // loader drops the whole batch: LakeRefusalTests).
        var refusal = Assert.Throws<ExtractRefusedException>(() => FeedLoader.Read(kind, path, sink, options));
        Assert.Equal(path, refusal.FilePath);
        return refusal;
    }

    public static Rejection Single(this CollectingFeedSink sink)
    {
        Assert.Empty(sink.Rows);
        return Assert.Single(sink.Rejections);
    }
}
