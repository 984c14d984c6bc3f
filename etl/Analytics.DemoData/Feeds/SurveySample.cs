using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// The informatization survey's stratified samples, for every survey year at once. Strata are district × size class
/// of the SMEs alive at year end; medium and small firms are sampled more heavily than micro. One pass over the firms
/// (in parallel chunks — firms are independent) counts every year's strata and keeps the sampled firms, so the
/// workbooks only revisit the firms they write. Memory is the sampled firms' indices, about a tenth of the firm-years.
/// </summary>
internal sealed class SurveySample
{
    private const int ChunkSize = 1 << 16;

    private readonly Dictionary<int, Year> _years;

    private SurveySample(Dictionary<int, Year> years) => _years = years;

    /// <summary>Strata per territory: one per size class.</summary>
    public const int SizeClasses = 4;

    /// <summary>Draws the samples of every report year of the context's region.</summary>
    public static SurveySample Draw(FeedContext context)
    {
        var region = context.Region;
        var years = region.ReportYears;
        var strata = region.Territories.Count * SizeClasses;
        var territoryIndex = region.Territories.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var population = context.Population;
        var chunks = (int)((population.Count + ChunkSize - 1) / ChunkSize);
        var parts = new Year[chunks][];
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.MaxParallelism), CancellationToken = context.CancellationToken },
            chunk =>
            {
                var part = years.Select(y => new Year(y, strata)).ToArray();
                var end = Math.Min(population.Count, ((long)chunk + 1) * ChunkSize);
                for (var index = (long)chunk * ChunkSize; index < end; index++)
                {
                    var firm = population[index];
                    var territory = territoryIndex[firm.Territory];
                    foreach (var year in part)
                    {
                        year.Consider(firm, territory, region);
                    }
                }

                parts[chunk] = part;
            });

        var merged = new Dictionary<int, Year>();
        for (var y = 0; y < years.Count; y++)
        {
            merged[years[y]] = Year.Concat(years[y], strata, parts.Select(p => p[y]));
        }

        return new SurveySample(merged);
    }

    /// <summary>The sample of one survey year.</summary>
    public Year For(int year) => _years[year];

    /// <summary>One year's strata counts and sampled firms (in firm order).</summary>
    internal sealed class Year
    {
        private readonly DateOnly _yearEnd;

        public Year(int surveyYear, int strata)
        {
            SurveyYear = surveyYear;
            _yearEnd = new DateOnly(surveyYear, 12, 31);
            Population = new long[strata];
            Sampled = new long[strata];
        }

        public int SurveyYear { get; }

        /// <summary>SMEs alive at year end, by stratum.</summary>
        public long[] Population { get; }

        /// <summary>Sampled firms, by stratum.</summary>
        public long[] Sampled { get; }

        /// <summary>The sampled firms in firm order, each as (index, stratum).</summary>
        public List<(long Index, int Stratum)> Members { get; } = [];

        /// <summary>Population ÷ sample of the stratum: the weight of each of its firms.</summary>
        public double WeightOf(int stratum) => Math.Round((double)Population[stratum] / Sampled[stratum], 4);

        public void Consider(Enterprise firm, int territory, RegionModel region)
        {
            if (!firm.IsAliveOn(_yearEnd))
            {
                return;
            }

            var size = firm.ProfileIn(SurveyYear).SizeClass;
            if (size == SizeClass.Large)
            {
                return;
            }

            var fraction = region.SurveyFraction * size switch { SizeClass.Medium => 2.5, SizeClass.Small => 1.3, _ => 0.8 };
            var rng = Rng.For(firm.Salt, Streams.Survey, (ulong)SurveyYear);
            var stratum = (territory * SizeClasses) + (int)size;
            Population[stratum]++;
            if (rng.NextDouble() < fraction)
            {
                Sampled[stratum]++;
                Members.Add((firm.Index, stratum));
            }
        }

        public static Year Concat(int surveyYear, int strata, IEnumerable<Year> parts)
        {
            var all = new Year(surveyYear, strata);
            foreach (var part in parts)
            {
                for (var s = 0; s < strata; s++)
                {
                    all.Population[s] += part.Population[s];
                    all.Sampled[s] += part.Sampled[s];
                }

                all.Members.AddRange(part.Members);
            }

            return all;
        }
    }
}
