using System.Globalization;
using Analytics.DemoData.Dirt;
using Analytics.DemoData.Randomness;
using Analytics.DemoData.Writers;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// 认定名单: one workbook per region and year, one sheet per type and batch, each with a title row such as
/// "2014年第二批科技型中小微型企业认定名单". Dates are real date cells in even years' workbooks and text in odd years'.
/// </summary>
internal static class RecognitionFeed
{
    public static readonly string[] Headers =
        ["统一社会信用代码", "企业名称", "人员编号", "认定类型", "认定级别", "认定日期", "有效期至", "撤销日期", "证书编号", "批次"];

    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六"];

    public static IEnumerable<Func<DemoFileEntry>> Jobs(FeedContext context)
    {
        var plan = new Lazy<List<Grant>>(() => new RecognitionPlanner(context).Plan(), LazyThreadSafetyMode.ExecutionAndPublication);
        return context.Region.RecognitionYears.Select(year => (Func<DemoFileEntry>)(() => Write(context, year, plan.Value)));
    }

    private static DemoFileEntry Write(FeedContext context, int year, List<Grant> all)
    {
        var region = context.Region;
        var recorder = context.Record(DemoFeeds.Recognitions, $"recognitions/recognitions_{region.Code}_{year}.xlsx");
        var dateCells = year % 2 == 0;
        var dirt = new DirtPlan(
            context.Options.DirtRate,
            DirtKind.WrongCheckDigit, DirtKind.LetterOForZero, DirtKind.FullWidthDigits, DirtKind.TrailingSpaces,
            DirtKind.DuplicateRecord, DirtKind.ConflictingDuplicate, DirtKind.DateSlash, DirtKind.DateChinese,
            DirtKind.DateCompact, DirtKind.DateExcelSerial);
        var batches = all.Where(g => g.Granted.Year == year)
            .GroupBy(g => (g.Spec, g.Batch))
            .OrderBy(b => b.First().Granted)
            .ThenBy(b => b.Key.Spec.Code, StringComparer.Ordinal);

        using (var xlsx = new XlsxWorkbookWriter(recorder.FullPath, [], context.Options.MaxRowsPerSheet))
        {
            foreach (var batch in batches)
            {
                var spec = batch.Key.Spec;
                var label = $"{year}年第{Ordinals[batch.Key.Batch - 1]}批";
                var title = spec.ValidForYearOnly
                    ? $"{year}年{region.CityName}中小企业技术创新“破零倍增”行动参与企业名单"
                    : $"{label}{spec.NameZh}认定名单";
                xlsx.BeginSheet($"{spec.NameZh}第{Ordinals[batch.Key.Batch - 1]}批", title, Headers);
                var rows = 0;
                foreach (var grant in batch)
                {
                    var rng = Rng.For(context.Seed, Streams.Dirt, Rng.Hash((ulong)grant.Granted.DayNumber, (ulong)grant.CertificateNo.Length), (ulong)recorder.Rows);
                    var kind = dirt.Choose(ref rng);
                    WriteRow(xlsx, grant, label, dateCells, kind, ref rng);
                    recorder.Row();
                    rows++;
                    if (kind is DirtKind.DuplicateRecord)
                    {
                        WriteRow(xlsx, grant, label, dateCells, null, ref rng);
                        recorder.Row();
                        rows++;
                    }
                    else if (kind is DirtKind.ConflictingDuplicate)
                    {
                        WriteRow(xlsx, grant with { Level = grant.Level == "市" ? "区县" : "市", CertificateNo = grant.CertificateNo + "-1" }, label, dateCells, null, ref rng);
                        recorder.Row();
                        rows++;
                    }

                    if (kind is { } k)
                    {
                        recorder.Dirt.Add(k);
                    }
                }

                if (context.Options.DirtRate > 0)
                {
                    xlsx.BlankRow();
                    recorder.Dirt.Add(DirtKind.BlankLine);
                    xlsx.BeginRow();
                    xlsx.Text("合计");
                    xlsx.Text(string.Create(CultureInfo.InvariantCulture, $"共{rows}家"));
                    xlsx.EndRow();
                    recorder.Dirt.Add(DirtKind.TotalsRow);
                }
            }
        }

        return recorder.Complete();
    }

    private static void WriteRow(XlsxWorkbookWriter xlsx, Grant grant, string label, bool dateCells, DirtKind? kind, ref Rng rng)
    {
        xlsx.BeginRow();
        xlsx.Text(kind switch
        {
            DirtKind.WrongCheckDigit => DirtyText.WrongCheck(grant.CreditCode, ref rng),
            DirtKind.LetterOForZero => DirtyText.LetterO(grant.CreditCode, ref rng),
            DirtKind.FullWidthDigits => DirtyText.FullWidth(grant.CreditCode),
            DirtKind.TrailingSpaces => DirtyText.TrailingSpaces(grant.CreditCode, ref rng),
            _ => grant.CreditCode,
        });
        xlsx.Text(grant.Name);
        xlsx.Text(grant.PersonId);
        xlsx.Text(grant.Spec.NameZh);
        xlsx.Text(grant.Level);
        var style = DirtyText.IsDateKind(kind) ? kind : null;
        WriteDate(xlsx, grant.Granted, dateCells, style);
        WriteDate(xlsx, grant.Expires, dateCells, style);
        WriteDate(xlsx, grant.Revoked, dateCells, style);
        xlsx.Text(grant.CertificateNo);
        xlsx.Text(label);
        xlsx.EndRow();
    }

    private static void WriteDate(XlsxWorkbookWriter xlsx, DateOnly? date, bool dateCells, DirtKind? style)
    {
        if (date is not { } d)
        {
            xlsx.Skip();
        }
        else if (style is DirtKind.DateExcelSerial)
        {
            xlsx.Number(DirtyText.ExcelSerial(d)); // a serial number without a date format
        }
        else if (style is not null || !dateCells)
        {
            xlsx.Text(DirtyText.Date(d, style));
        }
        else
        {
            xlsx.Date(d);
        }
    }
}
