namespace Analytics.DemoData;

/// <summary>The seed plans' regions the demo data covers.</summary>
public enum DemoRegion
{
    /// <summary>重庆市 (CQ2013 plan), code <c>cq</c>.</summary>
    Chongqing,

    /// <summary>岳阳市 (YY2020 plan), code <c>yy</c>.</summary>
    Yueyang,
}

/// <summary>The short codes regions carry in file names and the manifest.</summary>
public static class DemoRegionCodes
{
    /// <summary>The code of the synthetic province-scale region.</summary>
    public const string Province = "pv";

    /// <summary><c>cq</c> or <c>yy</c>.</summary>
    public static string ToCode(this DemoRegion region) => region switch
    {
        DemoRegion.Chongqing => "cq",
        DemoRegion.Yueyang => "yy",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
    };

    /// <summary>Parses <c>cq</c>/<c>yy</c> (or the enum name), case-insensitively.</summary>
    public static DemoRegion Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant() switch
        {
            "CQ" or "CHONGQING" => DemoRegion.Chongqing,
            "YY" or "YUEYANG" => DemoRegion.Yueyang,
            _ => throw new ArgumentException($"Unknown region '{code}': use cq or yy.", nameof(code)),
        };
    }
}
