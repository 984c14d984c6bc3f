using System.Diagnostics.CodeAnalysis;
using Analytics.Etl.Contracts;

namespace Analytics.Etl.Sources;

/// <summary>
/// The canonical lower-case names of the feeds (<see cref="FeedKind"/>) (<c>registry</c>, <c>recognitions</c>, <c>patents</c>,
/// <c>rd_spend</c>, <c>survey</c>), as written in configuration, folder names and the landing index.
/// </summary>
public static class FeedNames
{
    /// <summary>Every canonical name, in <see cref="FeedKind"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = ["registry", "recognitions", "patents", "rd_spend", "survey"];

    /// <summary>The canonical name of a feed.</summary>
    public static string ToName(this FeedKind feed) => feed switch
    {
        FeedKind.Registry => "registry",
        FeedKind.Recognitions => "recognitions",
        FeedKind.Patents => "patents",
        FeedKind.RdSpend => "rd_spend",
        FeedKind.Survey => "survey",
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Not one of the five feeds."),
    };

    /// <summary>Parses a canonical name (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out FeedKind? feed)
    {
        feed = name switch
        {
            "registry" => FeedKind.Registry,
            "recognitions" => FeedKind.Recognitions,
            "patents" => FeedKind.Patents,
            "rd_spend" => FeedKind.RdSpend,
            "survey" => FeedKind.Survey,
            _ => null,
        };
        return feed is not null;
    }
}
