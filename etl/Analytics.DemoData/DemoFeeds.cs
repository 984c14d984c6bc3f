namespace Analytics.DemoData;

/// <summary>Which extract feeds to generate (EXTRACTS.md).</summary>
[Flags]
public enum DemoFeeds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>企业名录: CSV, GBK, one file per region and snapshot.</summary>
    Registry = 1,

    /// <summary>认定名单: XLSX, one workbook per region and year, one sheet per batch.</summary>
    Recognitions = 2,

    /// <summary>专利: JSON Lines, one file per region.</summary>
    Patents = 4,

    /// <summary>研发投入: CSV, UTF-8 with BOM, one file per region.</summary>
    RdSpend = 8,

    /// <summary>信息化调查: XLSX, one workbook per region and survey year.</summary>
    Survey = 16,

    /// <summary>All five feeds.</summary>
    All = Registry | Recognitions | Patents | RdSpend | Survey,
}

/// <summary>The feed names used in the manifest.</summary>
public static class DemoFeedNames
{
    /// <summary>registry, recognitions, patents, rd_spend or survey.</summary>
    public static string ToManifestName(this DemoFeeds feed) => feed switch
    {
        DemoFeeds.Registry => "registry",
        DemoFeeds.Recognitions => "recognitions",
        DemoFeeds.Patents => "patents",
        DemoFeeds.RdSpend => "rd_spend",
        DemoFeeds.Survey => "survey",
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Name a single feed."),
    };
}
