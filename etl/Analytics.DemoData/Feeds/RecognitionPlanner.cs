using System.Globalization;
using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// Chooses who is recognised in each batch: among eligible firms alive at the batch date (SMEs where the type
/// requires it, not already holding it), a weighted draw without replacement (Efraimidis–Spirakis keys) favouring
/// innovative or digital firms and districts with momentum — so some districts reach their share of the targets and
/// others do not. Platforms may go to public institutions; engineers are people tied to an employer.
/// </summary>
internal sealed class RecognitionPlanner
{
    private const double RevocationRate = 0.015;
    private readonly FeedContext _context;
    private readonly RegionModel _region;
    private readonly EnterprisePopulation _population;
    private readonly Dictionary<int, bool[]> _smeByYear = [];

    public RecognitionPlanner(FeedContext context)
    {
        _context = context;
        _region = context.Region;
        _population = context.Population;
    }

    public static IReadOnlyList<RecognitionSpec> SpecsFor(RegionModel region) =>
        region.Code == "yy" ? RecognitionSpec.Yueyang : RecognitionSpec.Chongqing;

    /// <summary>Every grant of the region, in year, type and batch order.</summary>
    public List<Grant> Plan()
    {
        var grants = new List<Grant>();
        var specs = SpecsFor(_region);
        var heldUntil = specs.ToDictionary(s => s.Code, _ => new DateOnly[_population.Count]);
        var institutions = 0;
        var people = 0;
        foreach (var year in _region.RecognitionYears)
        {
            foreach (var spec in specs)
            {
                if (!spec.PerYear.TryGetValue(year, out var baseCount))
                {
                    continue;
                }

                var total = Math.Max(1, (int)Math.Round(baseCount * _context.Options.Scale));
                var sequence = 0;
                for (var batch = 1; batch <= spec.Batches; batch++)
                {
                    var count = (total / spec.Batches) + (batch <= total % spec.Batches ? 1 : 0);
                    var date = BatchDate(spec, year, batch);
                    var rng = Rng.For(_context.Seed, Streams.Recognition, Key(spec.Code) ^ 0x5A5A, (ulong)((year * 10) + batch));
                    var institutionCount = spec.Holder == Holder.Unit ? (int)Math.Round(count * 0.3) : 0;
                    var held = heldUntil[spec.Code];
                    foreach (var firm in Choose(spec, held, date, count - institutionCount, ref rng))
                    {
                        var expires = spec.ValidForYearOnly ? new DateOnly(year, 12, 31)
                            : spec.ValidityYears > 0 ? date.AddYears(spec.ValidityYears).AddDays(-1) : (DateOnly?)null;
                        held[firm.Index] = expires ?? DateOnly.MaxValue;
                        var personId = spec.Holder == Holder.Person
                            ? string.Create(CultureInfo.InvariantCulture, $"P{_region.Code.ToUpperInvariant()}{year}{++people:D5}")
                            : null;
                        grants.Add(Make(spec, batch, firm.CreditCode, firm.Name, personId, date, expires, ++sequence, ref rng));
                    }

                    for (var i = 0; i < institutionCount; i++)
                    {
                        var (code, name) = Institution(++institutions, ref rng);
                        grants.Add(Make(spec, batch, code, name, null, date, null, ++sequence, ref rng));
                    }
                }
            }
        }

        return grants;
    }

    private Grant Make(RecognitionSpec spec, int batch, string code, string name, string? personId, DateOnly date, DateOnly? expires, int sequence, ref Rng rng)
    {
        var level = spec.AlternateLevel is not null && rng.Chance(spec.AlternateShare) ? spec.AlternateLevel : spec.Level;
        DateOnly? revoked = null;
        if (rng.Chance(RevocationRate))
        {
            var when = date.AddDays(rng.Next(180, 700));
            if (when <= _region.DataEnd && (expires is null || when < expires))
            {
                revoked = when;
            }
        }

        var certificate = string.Create(CultureInfo.InvariantCulture, $"{_region.Code.ToUpperInvariant()}-{spec.Code}-{date.Year}-{sequence:D4}");
        return new Grant(spec, batch, code, name, personId, level, date, expires, revoked, certificate);
    }

    private List<Enterprise> Choose(RecognitionSpec spec, DateOnly[] heldUntil, DateOnly date, int count, ref Rng rng)
    {
        var sme = SmeIn(date.Year);
        var established = date.AddDays(-180);
        var queue = new PriorityQueue<Enterprise, double>(count + 1);
        var salt = rng.NextUInt64();
        for (long i = 0; i < _population.Count && count > 0; i++)
        {
            var firm = _population[i];
            if (firm.Founded > established || !firm.IsAliveOn(date) || heldUntil[i] >= date)
            {
                continue;
            }

            if (spec.Holder == Holder.Sme && !sme[i])
            {
                continue;
            }

            var weight = Math.Exp((spec.InnovationPull * firm.Innovation) + (spec.DigitalPull * firm.Digital)) * firm.Territory.Momentum * firm.Territory.Momentum;
            var u = (Rng.Hash(salt, (ulong)i) >> 11) * (1.0 / (1UL << 53));
            var key = Math.Log(1 - u) / weight; // larger is better; all keys are ≤ 0
            if (queue.Count < count)
            {
                queue.Enqueue(firm, key);
            }
            else if (queue.TryPeek(out _, out var smallest) && key > smallest)
            {
                queue.DequeueEnqueue(firm, key);
            }
        }

        var chosen = new List<Enterprise>(queue.Count);
        while (queue.TryDequeue(out var firm, out _))
        {
            chosen.Add(firm);
        }

        chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
        return chosen;
    }

    private bool[] SmeIn(int year)
    {
        if (!_smeByYear.TryGetValue(year, out var sme))
        {
            sme = new bool[_population.Count];
            for (long i = 0; i < sme.Length; i++)
            {
                sme[i] = _population[i].ProfileIn(year).IsSme;
            }

            _smeByYear[year] = sme;
        }

        return sme;
    }

    /// <summary>Batches spread over the year: e.g. three batches in April, July and November.</summary>
    private DateOnly BatchDate(RecognitionSpec spec, int year, int batch)
    {
        var rng = Rng.For(_context.Seed, Streams.Recognition, Key(spec.Code), (ulong)((year * 10) + batch));
        var month = 3 + (int)Math.Round((batch - 0.5) * 9.0 / spec.Batches);
        return new DateOnly(year, Math.Min(month, 12), rng.Next(1, 29));
    }

    private (string Code, string Name) Institution(int serial, ref Rng rng)
    {
        var territory = rng.Pick(_region.Territories);
        var organization = OrganizationCode.For(90_000_000 + serial, _region.Salt, reformEra: false);
        var code = OrganizationCode.CreditCodeFor('1', '2', territory.Current.Code, organization);
        string[] kinds = ["生产力促进中心", "中小企业服务中心", "科技创新服务中心", "工业设计中心", "知识产权服务中心"];
        return (code, string.Concat(_region.CityName, territory.Current.NameZh, rng.Pick(kinds)));
    }

    /// <summary>A stable key for a type code (string.GetHashCode is randomised per process).</summary>
    private static ulong Key(string code)
    {
        ulong h = 1469598103934665603UL;
        foreach (var c in code)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
