using System.Globalization;
using Analytics.DemoData.Dirt;
using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;
using Analytics.DemoData.Writers;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// 信息化调查: one workbook per region and survey year. A stratified sample of the SMEs alive at year end — strata
/// are district × size class, medium and small firms sampled more heavily than micro — with weight = stratum
/// population / stratum sample. Two passes over the firms (count, then write) keep memory to the strata counts.
/// </summary>
internal static class SurveyFeed
{
    public static readonly string[] Headers =
        ["统一社会信用代码", "调查年度", "权重", .. AdoptionModel.Questions];

    private static readonly string[] SharedStrings = ["是", "否"];

    public static IEnumerable<Func<DemoFileEntry>> Jobs(FeedContext context) =>
        context.Region.ReportYears.Select(year => (Func<DemoFileEntry>)(() => Write(context, year)));

    private static DemoFileEntry Write(FeedContext context, int year)
    {
        var region = context.Region;
        var recorder = context.Record(DemoFeeds.Survey, $"survey/survey_{region.Code}_{year}.xlsx");
        var strata = region.Territories.Count * 4;
        var population = new long[strata];
        var sample = new long[strata];
        foreach (var (_, stratum, sampled) in Members(context, year))
        {
            population[stratum]++;
            if (sampled)
            {
                sample[stratum]++;
            }
        }

        var dirt = new DirtPlan(
            context.Options.DirtRate,
            DirtKind.WrongCheckDigit, DirtKind.LetterOForZero, DirtKind.FullWidthDigits, DirtKind.TrailingSpaces,
            DirtKind.DuplicateRecord, DirtKind.ConflictingDuplicate, DirtKind.ZeroWeight);
        var weightSum = 0.0;
        Span<bool?> answers = stackalloc bool?[AdoptionModel.Questions.Length];
        using (var xlsx = new XlsxWorkbookWriter(recorder.FullPath, SharedStrings, context.Options.MaxRowsPerSheet))
        {
            xlsx.BeginSheet("调查样本", $"{year}年{region.CityName}中小企业信息化应用情况调查样本", Headers);
            foreach (var (firm, stratum, sampled) in Members(context, year))
            {
                if (!sampled)
                {
                    continue;
                }

                var rng = Rng.For(firm.Salt, Streams.Survey, (ulong)year, 1);
                var weight = Math.Round((double)population[stratum] / sample[stratum], 4);
                AdoptionModel.Answer(firm, region, year, ref rng, answers);
                var kind = dirt.Choose(ref rng);
                WriteRow(xlsx, firm.CreditCode, year, kind is DirtKind.ZeroWeight ? 0 : weight, answers, kind, ref rng);
                recorder.Row();
                weightSum += weight;
                if (kind is DirtKind.DuplicateRecord)
                {
                    WriteRow(xlsx, firm.CreditCode, year, weight, answers, null, ref rng);
                    recorder.Row();
                }
                else if (kind is DirtKind.ConflictingDuplicate)
                {
                    answers[0] = !(answers[0] ?? false);
                    answers[4] = !(answers[4] ?? false);
                    WriteRow(xlsx, firm.CreditCode, year, weight, answers, null, ref rng);
                    recorder.Row();
                }

                if (kind is { } k)
                {
                    recorder.Dirt.Add(k);
                }
            }

            if (context.Options.DirtRate > 0)
            {
                xlsx.BlankRow();
                xlsx.BlankRow();
                recorder.Dirt.Add(DirtKind.BlankLine, 2);
                xlsx.BeginRow();
                xlsx.Text("合计");
                xlsx.Skip();
                xlsx.Number(Math.Round(weightSum, 2));
                xlsx.EndRow();
                recorder.Dirt.Add(DirtKind.TotalsRow);
            }
        }

        return recorder.Complete();
    }

    /// <summary>SMEs alive at the end of <paramref name="year"/>, their stratum, and whether they are in the sample.</summary>
    private static IEnumerable<(Enterprise Firm, int Stratum, bool Sampled)> Members(FeedContext context, int year)
    {
        var region = context.Region;
        var yearEnd = new DateOnly(year, 12, 31);
        var territoryIndex = region.Territories.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        foreach (var firm in context.Population.Enumerate(context.CancellationToken))
        {
            if (!firm.IsAliveOn(yearEnd))
            {
                continue;
            }

            var size = firm.ProfileIn(year).SizeClass;
            if (size == SizeClass.Large)
            {
                continue;
            }

            var fraction = region.SurveyFraction * size switch { SizeClass.Medium => 2.5, SizeClass.Small => 1.3, _ => 0.8 };
            var rng = Rng.For(firm.Salt, Streams.Survey, (ulong)year);
            yield return (firm, (territoryIndex[firm.Territory] * 4) + (int)size, rng.NextDouble() < fraction);
        }
    }

    private static void WriteRow(XlsxWorkbookWriter xlsx, string code, int year, double weight, ReadOnlySpan<bool?> answers, DirtKind? kind, ref Rng rng)
    {
        xlsx.BeginRow();
        xlsx.Text(kind switch
        {
            DirtKind.WrongCheckDigit => DirtyText.WrongCheck(code, ref rng),
            DirtKind.LetterOForZero => DirtyText.LetterO(code, ref rng),
            DirtKind.FullWidthDigits => DirtyText.FullWidth(code),
            DirtKind.TrailingSpaces => DirtyText.TrailingSpaces(code, ref rng),
            _ => code,
        });
        xlsx.Number(year);
        xlsx.Number(weight);
        foreach (var answer in answers)
        {
            if (answer is { } yes)
            {
                xlsx.Shared(yes ? 0 : 1);
            }
            else
            {
                xlsx.Skip();
            }
        }

        xlsx.EndRow();
    }
}
