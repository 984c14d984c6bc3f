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
/// </summary>
internal sealed class Enterprise
{
    public required long Index { get; init; }

    public required string CreditCode { get; init; }

    public required string Name { get; init; }

    public required Territory Territory { get; init; }

    public required int Division { get; init; }

    /// <summary>国民经济行业代码, e.g. C3670.</summary>
    public required string IndustryCode { get; init; }

    public required SizeRule SizeRule { get; init; }

    public required DateOnly Founded { get; init; }

    public DateOnly? ExitDate { get; init; }

    public ExitKind Exit { get; init; }

    /// <summary>Active firms are written 存续 or 在业 (registries use both); this picks which.</summary>
    public bool SaysInBusiness { get; init; }

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
}
