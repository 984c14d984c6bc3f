namespace Analytics.Etl.Normalising;

/// <summary>The money unit a header or a cell states; amounts are loaded in 万元.</summary>
public enum AmountUnit
{
    /// <summary>万元 (10,000 yuan): the default and the lake's unit.</summary>
    TenThousandYuan,

    /// <summary>元: divided by 10,000.</summary>
    Yuan,

    /// <summary>千元: divided by 10.</summary>
    ThousandYuan,

    /// <summary>亿元: multiplied by 10,000.</summary>
    HundredMillionYuan,
}

/// <summary>Reading units from header or cell text and converting to 万元.</summary>
public static class AmountUnits
{
    /// <summary>The factor that converts an amount in <paramref name="unit"/> to 万元.</summary>
    public static decimal ToTenThousandYuan(AmountUnit unit) => unit switch
    {
        AmountUnit.TenThousandYuan => 1m,
        AmountUnit.Yuan => 0.0001m,
        AmountUnit.ThousandYuan => 0.1m,
        AmountUnit.HundredMillionYuan => 10000m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>
    /// The unit named by <paramref name="text"/> (a lookup key: folded, upper case, no spaces), e.g. 万元, 元, 千元, 亿元,
    /// YUAN, CNY, RMB, 10KYUAN; false when it names no money unit.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AmountUnit unit)
    {
        unit = AmountUnit.TenThousandYuan;
        if (text.StartsWith("单位:") || text.StartsWith("单位："))
        {
            text = text[3..];
        }

        switch (text)
        {
            case "万元" or "万" or "10KYUAN" or "10KCNY" or "10KRMB" or "WANYUAN" or "10000YUAN" or "人民币万元":
                unit = AmountUnit.TenThousandYuan;
                return true;
            case "元" or "YUAN" or "CNY" or "RMB" or "人民币元" or "人民币":
                unit = AmountUnit.Yuan;
                return true;
            case "千元" or "KYUAN" or "KCNY" or "THOUSANDYUAN":
                unit = AmountUnit.ThousandYuan;
                return true;
            case "亿元" or "亿" or "100MYUAN":
                unit = AmountUnit.HundredMillionYuan;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Removes a trailing unit written in a cell (<c>1234.5万元</c>, <c>12345元</c>) and reports it; returns the text without it.
    /// </summary>
    public static ReadOnlySpan<char> StripCellUnit(ReadOnlySpan<char> text, out AmountUnit? unit)
    {
        unit = null;
        if (text.EndsWith("万元"))
        {
            unit = AmountUnit.TenThousandYuan;
            return text[..^2].TrimEnd();
        }

        if (text.EndsWith("千元"))
        {
            unit = AmountUnit.ThousandYuan;
            return text[..^2].TrimEnd();
        }

        if (text.EndsWith("亿元"))
        {
            unit = AmountUnit.HundredMillionYuan;
            return text[..^2].TrimEnd();
        }

        if (text.EndsWith("元"))
        {
            unit = AmountUnit.Yuan;
            return text[..^1].TrimEnd();
        }

        return text;
    }
}
