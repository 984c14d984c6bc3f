using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Population;

/// <summary>How a firm left the register.</summary>
internal enum ExitKind
{
    None,
    Cancelled,
    Revoked,
    MovedOut,
}

/// <summary>
/// One synthetic firm: identity, place, industry, life span and the latent traits (size, growth, innovation,
/// digital maturity) from which every feed derives its figures, so the feeds tell one consistent story.
/// The credit code and the name are strings most passes never look at, so they are built on first use (from the same
/// keyed draws, so they come out the same whenever they are asked for).
/// </summary>
internal sealed class Enterprise
{
    private readonly EnterpriseSynthesizer _origin;
    private readonly Rng _namingDraws;
    private string? _creditCode;
    private FirmNaming? _naming;

    /// <param name="origin">The synthesizer that made the firm, which builds its credit code and name on demand.</param>
    /// <param name="namingDraws">The firm's random stream at the point where its name is drawn.</param>
    public Enterprise(EnterpriseSynthesizer origin, Rng namingDraws)
    {
        _origin = origin;
        _namingDraws = namingDraws;
    }

    public required long Index { get; init; }

    /// <summary>统一社会信用代码.</summary>
    public string CreditCode => _creditCode ??= _origin.CreditCodeOf(this);

    /// <summary>企业名称.</summary>
    public string Name => Naming.Name;

    public required Territory Territory { get; init; }

    public int Division => Class.Division;

    public required IndustryClass Class { get; init; }

    /// <summary>国民经济行业代码, e.g. C3670.</summary>
    public string IndustryCode => Class.Code;

    public SizeRule SizeRule => Class.Rule;

    public required DateOnly Founded { get; init; }

    public DateOnly? ExitDate { get; init; }

    public ExitKind Exit { get; init; }

    /// <summary>Active firms are written 存续 or 在业 (registries use both); this picks which.</summary>
    public bool SaysInBusiness => Naming.SaysInBusiness;
    /// <summary>Standard-normal size latent at 2015; the size table's boundaries sit at fixed quantiles of it.</summary>
    public required double SizeLatent { get; init; }

    /// <summary>Change of the size latent per year.</summary>
    public required double Growth { get; init; }

    /// <summary>Propensity to patent, do R&amp;D and be recognised (standard-normal plus industry and size effects).</summary>
    public required double Innovation { get; init; }

    /// <summary>Propensity to use IT and e-commerce.</summary>
    public required double Digital { get; init; }

    public required ulong Salt { get; init; }

    public bool IsAliveOn(DateOnly date) => Founded <= date && (ExitDate is null || ExitDate.Value > date);

    /// <summary>Alive at some point of <paramref name="year"/> and founded by its end.</summary>
    public bool ExistsIn(int year) => Founded.Year <= year && (ExitDate is null || ExitDate.Value.Year >= year);

    public string StatusOn(DateOnly date)
    {
        if (ExitDate is { } exit && exit <= date)
        {
            return Exit switch
            {
                ExitKind.Revoked => "吊销",
                ExitKind.MovedOut => "迁出",
                _ => "注销",
            };
        }

        return SaysInBusiness ? "在业" : "存续";
    }

    public SizeProfile ProfileIn(int year) => SizeProfile.Of(this, year);

    // One reference for both, so a firm shared by threads never shows a name without its status word.
    private FirmNaming Naming => _naming ??= _origin.NamingOf(this, _namingDraws);
}

/// <summary>A firm's name and the status word drawn after it.</summary>
internal sealed record FirmNaming(string Name, bool SaysInBusiness);
