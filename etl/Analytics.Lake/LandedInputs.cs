using Analytics.Etl.Reading;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>What a landing area holds, as the loader's inputs: every file of its index with the hints its source gave.</summary>
public static class LandedInputs
{
    /// <summary>One <see cref="LoadInput"/> per entry of <paramref name="landing"/>'s index, in index order.</summary>
    public static IReadOnlyList<LoadInput> Read(LandingArea landing)
    {
        ArgumentNullException.ThrowIfNull(landing);
        return landing.ReadIndex()
            .Select(e => new LoadInput(e.Feed, landing.FullPathOf(e), e.Sha256, e.OriginalName, EncodingOf(e.Encoding), e.AsOf, e.Source, e.Origin, e.Sheets))
            .ToList();
    }

    private static ExtractEncoding EncodingOf(TextEncodingHint? hint) => hint switch
    {
        TextEncodingHint.Gbk => ExtractEncoding.Gbk,
        TextEncodingHint.Utf8 => ExtractEncoding.Utf8,
        _ => ExtractEncoding.Detect,
    };
}
