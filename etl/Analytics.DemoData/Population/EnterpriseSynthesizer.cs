using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Population;

/// <summary>
/// Turns an index into a firm, as a pure function of (seed, region, index): the population never has to be held in
/// memory, and any firm (a co-applicant, a platform) can be re-created on demand.
/// Indices below <see cref="RegionModel.Incumbents"/> are firms alive when the window opens; the rest are founded inside it.
/// </summary>
internal sealed class EnterpriseSynthesizer
{
    private static readonly DateOnly ReformDate = new(2015, 10, 1);
    private readonly RegionModel _region;
    private readonly ulong _seed;
    private readonly double[] _territoryCumulative;

    public EnterpriseSynthesizer(RegionModel region, ulong seed)
    {
        _region = region;
        _seed = seed;
        _territoryCumulative = new double[region.Territories.Count];
        var sum = 0.0;
        for (var i = 0; i < region.Territories.Count; i++)
        {
            sum += region.Territories[i].Weight;
            _territoryCumulative[i] = sum;
        }
    }

    public RegionModel Region => _region;

    public long Count => _region.Population;

    public Enterprise Create(long index)
    {
        var salt = Rng.Hash(_seed, _region.Salt, (ulong)index);
        var rng = new Rng(Rng.Hash(salt, Streams.Enterprise));
        var territory = _region.Territories[rng.PickCumulative(_territoryCumulative)];
        var industry = _region.Industries.Draw(ref rng);
        var division = industry.Division;
        var (founded, exitDate) = LifeSpan(index, ref rng);
        var exit = exitDate is null ? ExitKind.None
            : rng.NextDouble() switch { < 0.72 => ExitKind.Cancelled, < 0.92 => ExitKind.Revoked, _ => ExitKind.MovedOut };
        var size = (rng.Normal() * 0.97) + 0.18;
        var growth = 0.03 + (0.06 * rng.Normal());
        var innovation = rng.Normal() + IndustryCatalog.InnovationBonus(division) + (0.35 * size);
        var digital = rng.Normal() + IndustryCatalog.DigitalBonus(division) + (0.3 * size);

        // The name's draws come last, so the firm keeps the stream here and draws its name only if asked.
        return new Enterprise(this, rng)
        {
            Index = index,
            Territory = territory,
            Class = industry,
            Founded = founded,
            ExitDate = exitDate,
            Exit = exit,
            SizeLatent = size,
            Growth = growth,
            Innovation = innovation,
            Digital = digital,
            Salt = salt,
        };
    }

    /// <summary>The firm's 统一社会信用代码: its organization code under the division it registered in.</summary>
    public string CreditCodeOf(Enterprise firm)
    {
        var organization = OrganizationCode.For(firm.Index, _region.Salt, firm.Founded >= ReformDate);
        return OrganizationCode.CreditCodeFor('9', '1', firm.Territory.On(firm.Founded).Code, organization);
    }

    /// <summary>The firm's name and status word, drawn from its stream as it stood after its traits.</summary>
    public FirmNaming NamingOf(Enterprise firm, Rng draws)
    {
        var name = CompanyNames.Company(ref draws, _region.CityWord, firm.Territory.ShortName, firm.Division);
        return new FirmNaming(name, draws.Chance(0.15));
    }

    private (DateOnly Founded, DateOnly? Exit) LifeSpan(long index, ref Rng rng)
    {
        var start = _region.WindowStart;
        var end = _region.DataEnd;
        DateOnly founded;
        double meanLifeDays;
        DateOnly clockFrom;
        if (index < _region.Incumbents)
        {
            // Age at the window's start: many young firms, a long tail back to the early 1990s.
            var ageDays = Math.Min(rng.Exponential(7.5 * 365.25), 24 * 365.25);
            founded = start.AddDays(-(int)ageDays - 1);
            meanLifeDays = 18 * 365.25;
            clockFrom = start;
        }
        else
        {
            // Births rise slightly through the window (the registry grows).
            var windowDays = end.DayNumber - start.DayNumber;
            var u = Math.Pow(rng.NextDouble(), 0.85);
            founded = start.AddDays((int)(u * windowDays));
            meanLifeDays = 9 * 365.25;
            clockFrom = founded;
        }

        var lifeDays = rng.Exponential(meanLifeDays);
        var exit = clockFrom.DayNumber + lifeDays < end.DayNumber ? clockFrom.AddDays(Math.Max(30, (int)lifeDays)) : (DateOnly?)null;
        if (exit is { } e && e > end)
        {
            exit = null;
        }

        return (founded, exit);
    }
}
