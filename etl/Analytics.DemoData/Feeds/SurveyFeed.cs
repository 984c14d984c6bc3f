using Analytics.DemoData.Dirt;
using Analytics.DemoData.Randomness;
using Analytics.DemoData.Writers;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// 信息化调查: one workbook per region and survey year. A stratified sample of the SMEs alive at year end (see
/// <see cref="SurveySample"/>), with weight = stratum population / stratum sample. The samples of all years are drawn
/// in one pass, shared by the year's workbooks, which then revisit only the firms they write.
/// </summary>
internal static class SurveyFeed
{
    public static readonly string[] Headers =
        ["统一社会信用代码", "调查年度", "权重", .. AdoptionModel.Questions];

    private static readonly string[] SharedStrings = ["是", "否"];

    public static IEnumerable<Func<DemoFileEntry>> Jobs(FeedContext context)
    {
        var sample = new Lazy<SurveySample>(() => SurveySample.Draw(context), LazyThreadSafetyMode.ExecutionAndPublication);
        return context.Region.ReportYears.Select(year => (Func<DemoFileEntry>)(() => Write(context, sample.Value.For(year))));
    }

    private static DemoFileEntry Write(FeedContext context, SurveySample.Year sample)
    {
        var region = context.Region;
        var year = sample.SurveyYear;
        var recorder = context.Record(DemoFeeds.Survey, $"survey/survey_{region.Code}_{year}.xlsx");
        var dirt = new DirtPlan(
            context.Options.DirtRate,
            DirtKind.WrongCheckDigit, DirtKind.LetterOForZero, DirtKind.FullWidthDigits, DirtKind.TrailingSpaces,
            DirtKind.DuplicateRecord, DirtKind.ConflictingDuplicate, DirtKind.ZeroWeight);
        var weightSum = 0.0;
        Span<bool?> answers = stackalloc bool?[AdoptionModel.Questions.Length];
        using (var xlsx = new XlsxWorkbookWriter(recorder.FullPath, SharedStrings, context.Options.MaxRowsPerSheet))
        {
            xlsx.BeginSheet("调查样本", $"{year}年{region.CityName}中小企业信息化应用情况调查样本", Headers);
            foreach (var (index, stratum) in sample.Members)
            {
                var firm = context.Population[index];
                var rng = Rng.For(firm.Salt, Streams.Survey, (ulong)year, 1);
                var weight = sample.WeightOf(stratum);
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
