using System.Globalization;

namespace Analytics.DemoData.Population;

/// <summary>
/// One GB/T 4754-2017 class as the generator uses it: its code (C3670), the size rule that applies, and that rule's
/// size curves. There are a few hundred of them, so each is built once and shared by every firm in it — the
/// code string, the rule lookup and the curves' logarithms are not redone for millions of firms.
/// </summary>
internal sealed class IndustryClass
{
    private static readonly IndustryClass?[] Cache = new IndustryClass?[100 * 10 * 10];

    private IndustryClass(int division, int group, int classDigit)
    {
        Division = division;
        var section = IndustryCatalog.SectionOf(division);
        Code = string.Create(CultureInfo.InvariantCulture, $"{section}{division:D2}{group}{classDigit}");
        Rule = SizeRules.For(Code);
        Curves = new SizeCurves(Rule);
    }

    public int Division { get; }

    /// <summary>国民经济行业代码, e.g. C3670.</summary>
    public string Code { get; }

    public SizeRule Rule { get; }

    public SizeCurves Curves { get; }

    /// <summary>The class of a division (2 digits), group digit and class digit; built on first use, then shared.</summary>
    public static IndustryClass Of(int division, int group, int classDigit)
    {
        var key = (((division * 10) + group) * 10) + classDigit;

        // A race builds the same immutable value twice at worst.
        return Volatile.Read(ref Cache[key]) ?? (Cache[key] = new IndustryClass(division, group, classDigit));
    }
}
