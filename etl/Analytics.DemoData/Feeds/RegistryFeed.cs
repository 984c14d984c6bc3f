using System.Globalization;
using Analytics.DemoData.Dirt;
using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;
using Analytics.DemoData.Writers;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// 企业名录: one GBK CSV per snapshot (year end). A firm appears from its founding until the snapshot of the year it
/// leaves, when it shows 注销/吊销/迁出. The district column shows the code in force on the snapshot date, so firms of
/// 璧山县 show 500227 at the end of 2013 and 500120 at the end of 2014.
/// </summary>
internal static class RegistryFeed
{
    public static readonly string[] Headers =
        ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "成立日期", "登记状态", "注销日期", "从业人员", "营业收入(万元)", "资产总额(万元)", "企业规模", "数据日期"];

    /// <summary>Old codes after a change are rarer than the other kinds in real extracts, but a few must show: this many times the rate, on the rows it can apply to.</summary>
    private const double OldDistrictBoost = 5;

    public static IEnumerable<Func<DemoFileEntry>> Jobs(FeedContext context) =>
        context.Region.Snapshots.Select(snapshot => (Func<DemoFileEntry>)(() => Write(context, snapshot)));

    private static DemoFileEntry Write(FeedContext context, DateOnly snapshot)
    {
        var region = context.Region;
        var recorder = context.Record(DemoFeeds.Registry, $"registry/registry_{region.Code}_{DirtyText.Iso(snapshot)}.csv");
        var dirt = new DirtPlan(
            context.Options.DirtRate,
            DirtKind.WrongCheckDigit, DirtKind.LetterOForZero, DirtKind.FullWidthDigits, DirtKind.TrailingSpaces,
            DirtKind.DuplicateRecord, DirtKind.ConflictingDuplicate, DirtKind.DateSlash, DirtKind.DateChinese,
            DirtKind.DateCompact, DirtKind.DateExcelSerial, DirtKind.AmountInYuan, DirtKind.DistrictName);
        var yearStart = new DateOnly(snapshot.Year, 1, 1);
        long employees = 0;
        double revenue = 0, assets = 0;

        using (var csv = new CsvFeedWriter(recorder.FullPath, FeedEncodings.Gbk, byteOrderMark: false))
        {
            csv.Header(Headers);
            foreach (var firm in context.Population.Enumerate(context.CancellationToken))
            {
                if (firm.Founded > snapshot || (firm.ExitDate is { } exit && exit < yearStart))
                {
                    continue;
                }

                var rng = Rng.For(firm.Salt, Streams.Registry, (ulong)snapshot.Year);
                var profile = firm.ProfileIn(snapshot.Year);
                var kind = dirt.Choose(ref rng);
                if (kind is null && firm.Territory.FormerOn(snapshot) is not null && rng.Chance(dirt.Rate * OldDistrictBoost))
                {
                    kind = DirtKind.OldDistrictAfterChange;
                }

                var row = new RegistryRow(firm, profile, snapshot, kind, rng.Chance(0.1), rng.Chance(0.05));
                WriteRow(csv, row, ref rng);
                recorder.Row();
                employees += profile.Employees;
                revenue += profile.Revenue;
                assets += profile.Assets;

                if (kind is DirtKind.DuplicateRecord)
                {
                    WriteRow(csv, row with { Kind = null }, ref rng);
                    recorder.Row();
                }
                else if (kind is DirtKind.ConflictingDuplicate)
                {
                    var changed = profile with
                    {
                        Employees = profile.Employees + 1 + rng.Next(Math.Max(2, profile.Employees / 5)),
                        Revenue = Math.Round(profile.Revenue * (0.8 + (0.4 * rng.NextDouble())), 2),
                    };
                    WriteRow(csv, row with { Kind = null, Profile = changed }, ref rng);
                    recorder.Row();
                }

                if (kind is { } k)
                {
                    recorder.Dirt.Add(k);
                }
            }

            if (context.Options.DirtRate > 0)
            {
                csv.BlankLine(Headers.Length, withSeparators: false);
                csv.BlankLine(Headers.Length, withSeparators: true);
                recorder.Dirt.Add(DirtKind.BlankLine, 2);
                csv.Field("合计");
                csv.Field(string.Create(CultureInfo.InvariantCulture, $"共{recorder.Rows}户"));
                for (var i = 0; i < 5; i++)
                {
                    csv.Field((string?)null);
                }

                csv.Field(employees);
                csv.Amount(Math.Round(revenue, 2));
                csv.Amount(Math.Round(assets, 2));
                csv.Field((string?)null);
                csv.Field(DirtyText.Iso(snapshot));
                csv.EndRow();
                recorder.Dirt.Add(DirtKind.TotalsRow);
            }
        }

        return recorder.Complete();
    }

    private static void WriteRow(CsvFeedWriter csv, RegistryRow row, ref Rng rng)
    {
        var firm = row.Firm;
        var kind = row.Kind;
        var code = kind switch
        {
            DirtKind.WrongCheckDigit => DirtyText.WrongCheck(firm.CreditCode, ref rng),
            DirtKind.LetterOForZero => DirtyText.LetterO(firm.CreditCode, ref rng),
            DirtKind.FullWidthDigits => DirtyText.FullWidth(firm.CreditCode),
            DirtKind.TrailingSpaces => DirtyText.TrailingSpaces(firm.CreditCode, ref rng),
            _ => firm.CreditCode,
        };
        csv.Field(code);
        csv.Field(kind is DirtKind.TrailingSpaces ? DirtyText.TrailingSpaces(firm.Name, ref rng) : firm.Name);

        var district = firm.Territory.On(row.Snapshot);
        var former = firm.Territory.FormerOn(row.Snapshot);
        csv.Field(kind switch
        {
            DirtKind.DistrictName => district.NameZh,
            DirtKind.OldDistrictAfterChange when former is not null => rng.Chance(0.5) ? former.NameZh : former.Code,
            _ => district.Code,
        });
        csv.Field(firm.IndustryCode);
        var dateStyle = DirtyText.IsDateKind(kind) ? kind : null;
        csv.Field(DirtyText.Date(firm.Founded, dateStyle));
        csv.Field(firm.StatusOn(row.Snapshot));
        var deregistered = firm.ExitDate is { } exit && exit <= row.Snapshot && firm.Exit is not ExitKind.MovedOut;
        csv.Field(deregistered ? DirtyText.Date(firm.ExitDate!.Value, dateStyle) : null);
        csv.Field(row.Profile.Employees);
        csv.Amount(kind is DirtKind.AmountInYuan ? row.Profile.Revenue * 10_000 : row.Profile.Revenue);
        if (row.OmitAssets)
        {
            csv.Field((string?)null);
        }
        else
        {
            csv.Amount(row.Profile.Assets);
        }

        csv.Field(row.OmitSize ? null : row.Profile.SizeClass.Zh());
        csv.Field(DirtyText.Iso(row.Snapshot));
        csv.EndRow();
    }

    /// <summary>One registry line before formatting.</summary>
    private sealed record RegistryRow(Enterprise Firm, SizeProfile Profile, DateOnly Snapshot, DirtKind? Kind, bool OmitSize, bool OmitAssets);
}
