using Analytics.Etl.Normalising;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Validation;

/// <summary>What the rules need beyond the row: reference data, plausibility ceilings, the file's snapshot date.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(FeedReadOptions options, string filePath, DateOnly? fallbackAsOf)
    {
        Options = options;
        FilePath = filePath;
        FallbackAsOf = fallbackAsOf;
        Districts = new DistrictResolver(options.Reference);
    }

    public FeedReadOptions Options { get; }

    public string FilePath { get; }

    /// <summary>Registry snapshot date from configuration or the file name, used when a row has none.</summary>
    public DateOnly? FallbackAsOf { get; }

    public DistrictResolver Districts { get; }

    public AmountCeilings Ceilings => Options.AmountCeilings;
}
