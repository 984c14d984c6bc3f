using Analytics.Etl.Contracts;

namespace Analytics.Etl.Benchmarks;

/// <summary>The benchmark's feed names (the manifest's) and the ETL's feed kinds.</summary>
internal static class FeedNames
{
    public static FeedKind KindOf(string feed) => feed switch
    {
        "registry" => FeedKind.Registry,
        "patents" => FeedKind.Patents,
        "rd_spend" => FeedKind.RdSpend,
        "survey" => FeedKind.Survey,
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Not a province feed."),
    };
}
