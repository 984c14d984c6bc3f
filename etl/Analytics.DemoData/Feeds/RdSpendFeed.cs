using Analytics.DemoData.Dirt;
using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;
using Analytics.DemoData.Writers;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// 研发投入: one UTF-8 (with BOM) CSV per region, enterprise × year, for the firms that report — every patenting
/// firm plus a share of the rest (large in Yueyang, where the plan measures R&amp;D intensity).
/// </summary>
internal static class RdSpendFeed
{
    public static readonly string[] Headers =
        ["统一社会信用代码", "年度", "研发费用(万元)", "主营业务收入(万元)", "新产品销售收入(万元)", "研发人员", "数据来源"];

    public static DemoFileEntry Write(FeedContext context)
    {
        var region = context.Region;
        var years = region.ReportYears;
        var recorder = context.Record(DemoFeeds.RdSpend, $"rd_spend/rd_spend_{region.Code}_{years[0]}-{years[^1]}.csv");
        var thresholds = InnovationThresholds.For(context.Population);
        var dirt = new DirtPlan(
            context.Options.DirtRate,
            DirtKind.WrongCheckDigit, DirtKind.LetterOForZero, DirtKind.FullWidthDigits, DirtKind.TrailingSpaces,
            DirtKind.DuplicateRecord, DirtKind.ConflictingDuplicate, DirtKind.AmountInYuan, DirtKind.RdExceedsRevenue);
        double rdSum = 0, revenueSum = 0, newProductSum = 0;
        long staffSum = 0;

        using (var csv = new CsvFeedWriter(recorder.FullPath, FeedEncodings.Utf8WithBom, byteOrderMark: true))
        {
            csv.Header(Headers);
            foreach (var firm in context.Population.Enumerate(context.CancellationToken))
            {
                var firmRng = Rng.For(firm.Salt, Streams.RdSpend);
                var innovator = firm.Innovation >= thresholds.Active;
                if (!innovator && !firmRng.Chance(region.RdPanelShare))
                {
                    continue;
                }

                var baseIntensity = Math.Min(0.2, Math.Exp(Math.Log(0.015) + (0.7 * firmRng.Normal()) + (0.35 * (firm.Innovation - thresholds.Active))));
                var revenueShare = 0.85 + (0.15 * firmRng.NextDouble());
                var newProductShare = innovator ? 0.05 + (0.3 * firmRng.NextDouble()) : firmRng.Chance(0.5) ? 0.02 + (0.1 * firmRng.NextDouble()) : 0;
                foreach (var year in years)
                {
                    if (!firm.IsAliveOn(new DateOnly(year, 12, 31)))
                    {
                        continue;
                    }

                    var rng = Rng.For(firm.Salt, Streams.RdSpend, (ulong)year);
                    var profile = firm.ProfileIn(year);
                    var revenue = Math.Round(profile.Revenue * revenueShare, 2);
                    var intensity = baseIntensity * RdTrajectory.Intensity(region, firm.Territory, year) * Math.Exp(0.12 * rng.Normal());
                    var row = new RdRow(
                        firm.CreditCode,
                        year,
                        Math.Round(revenue * intensity, 2),
                        revenue,
                        newProductShare > 0 ? Math.Round(revenue * Math.Min(0.95, newProductShare * RdTrajectory.NewProducts(region, firm.Territory, year)), 2) : null,
                        (int)Math.Round(profile.Employees * Math.Min(0.5, 0.02 + (intensity * 4))),
                        profile.SizeClass >= SizeClass.Medium || profile.Revenue >= 2000 ? "统计" : "税务");
                    var kind = dirt.Choose(ref rng);
                    WriteRow(csv, row, kind, ref rng);
                    recorder.Row();
                    rdSum += row.Rd;
                    revenueSum += row.Revenue;
                    newProductSum += row.NewProducts ?? 0;
                    staffSum += row.Staff;
                    if (kind is DirtKind.DuplicateRecord)
                    {
                        WriteRow(csv, row, null, ref rng);
                        recorder.Row();
                    }
                    else if (kind is DirtKind.ConflictingDuplicate)
                    {
                        // The other source reports the same firm-year with its own figures.
                        var other = row with
                        {
                            Rd = Math.Round(row.Rd * (0.7 + (0.5 * rng.NextDouble())), 2),
                            Source = row.Source == "统计" ? "税务" : "统计",
                        };
                        WriteRow(csv, other, null, ref rng);
                        recorder.Row();
                    }

                    if (kind is { } k)
                    {
                        recorder.Dirt.Add(k);
                    }
                }
            }

            if (context.Options.DirtRate > 0)
            {
                csv.BlankLine(Headers.Length, withSeparators: true);
                recorder.Dirt.Add(DirtKind.BlankLine);
                csv.Field("合计");
                csv.Field((string?)null);
                csv.Amount(Math.Round(rdSum, 2));
                csv.Amount(Math.Round(revenueSum, 2));
                csv.Amount(Math.Round(newProductSum, 2));
                csv.Field(staffSum);
                csv.Field((string?)null);
                csv.EndRow();
                recorder.Dirt.Add(DirtKind.TotalsRow);
            }
        }

        return recorder.Complete();
    }

    private static void WriteRow(CsvFeedWriter csv, RdRow row, DirtKind? kind, ref Rng rng)
    {
        csv.Field(kind switch
        {
            DirtKind.WrongCheckDigit => DirtyText.WrongCheck(row.CreditCode, ref rng),
            DirtKind.LetterOForZero => DirtyText.LetterO(row.CreditCode, ref rng),
            DirtKind.FullWidthDigits => DirtyText.FullWidth(row.CreditCode),
            DirtKind.TrailingSpaces => DirtyText.TrailingSpaces(row.CreditCode, ref rng),
            _ => row.CreditCode,
        });
        csv.Field(row.Year);
        var unit = kind is DirtKind.AmountInYuan ? 10_000 : 1;
        var rd = kind is DirtKind.RdExceedsRevenue ? Math.Round(Math.Max(row.Revenue, 1) * (1.1 + (2 * rng.NextDouble())), 2) : row.Rd;
        csv.Amount(rd * unit);
        csv.Amount(row.Revenue * unit);
        if (row.NewProducts is { } newProducts)
        {
            csv.Amount(newProducts * unit);
        }
        else
        {
            csv.Field((string?)null);
        }

        csv.Field(row.Staff);
        csv.Field(row.Source);
        csv.EndRow();
    }

    /// <summary>One firm-year as reported.</summary>
    private sealed record RdRow(string CreditCode, int Year, double Rd, double Revenue, double? NewProducts, int Staff, string Source);
}
