namespace Analytics.DemoData.Population;

/// <summary>企业规模 of 工信部联企业〔2011〕300号.</summary>
internal enum SizeClass
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>Chinese labels as the registry writes them.</summary>
internal static class SizeClassNames
{
    public static string Zh(this SizeClass size) => size switch
    {
        SizeClass.Large => "大型",
        SizeClass.Medium => "中型",
        SizeClass.Small => "小型",
        _ => "微型",
    };
}
