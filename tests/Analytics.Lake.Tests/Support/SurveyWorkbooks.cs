using Analytics.Etl.Tests.Support;

namespace Analytics.Lake.Tests.Support;

/// <summary>
/// Hand-made survey workbooks (信息化调查) with the dirt suppliers send: title rows, blank rows, a totals row, wrong check
/// characters, zero and unreadable weights, unknown answers, and duplicates (exact and conflicting) within a sheet and
/// across sheets; a header-only workbook; and a workbook whose second sheet has no header, refused part-way.
/// </summary>
internal static class SurveyWorkbooks
{
    public static readonly object?[] Headers =
        ["统一社会信用代码", "调查年度", "权重", "研发环节应用信息技术", "管理环节应用信息技术", "生产控制应用信息技术", "电子商务采购", "电子商务销售", "使用云服务", "拥有网站"];

    /// <summary>Two dirty sheets of <paramref name="rows"/> rows each; <paramref name="seed"/> sets the firms.</summary>
    public static XlsxBuilder Dirty(int seed, int rows = 120)
    {
        var book = new XlsxBuilder();
        for (var sheet = 0; sheet < 2; sheet++)
        {
            book.Sheet($"样本{sheet + 1}").Row(1, "2016年中小企业信息化应用情况调查样本").Row(3, Headers);
            var r = 4;
            for (var i = 1; i <= rows; i++)
            {
                var serial = (seed * 1000) + (sheet * rows) + i;
                var earlier = (seed * 1000) + (sheet == 0 ? Math.Max(1, i - 5) : i); // a row before it: in this sheet, or the first sheet's
                object?[] cells = (i % 13) switch
                {
                    0 => Row(Extracts.WrongCheck(Extracts.Credit(serial)), serial),
                    1 => Row(Extracts.Credit(serial), serial, weight: 0),
                    2 => Row(Extracts.Credit(serial), serial, weight: "abc"),
                    3 => [],
                    4 => Row(Extracts.Credit(earlier), earlier), // an exact duplicate
                    5 => Row(Extracts.Credit(earlier), earlier + 1), // the same key, other answers
                    6 => Row(Extracts.Credit(serial), serial, answer: "也许"),
                    7 => Row(Extracts.Credit(serial) + "  ", serial, answer: "Y"),
                    _ => Row(Extracts.Credit(serial), serial),
                };
                book.Row(r++, cells);
            }

            book.Row(r + 1, "合计", null, 9999.5);
        }

        return book;
    }

    /// <summary>A title and a header, no rows: the supplier's "nothing this period".</summary>
    public static XlsxBuilder HeaderOnly() => new XlsxBuilder().Sheet("样本").Row(1, "2016年调查样本").Row(2, Headers);

    /// <summary>A dirty sheet, then a sheet of notes with no header: refused after the first sheet's rows were staged.</summary>
    public static XlsxBuilder WithHeaderlessSheet(int seed) =>
        Dirty(seed, rows: 40).Sheet("填表说明").Row(1, "本表由统计局提供").Row(2, "填表人：张三", "电话：12345678");

    // A row that passes every rule unless told otherwise; its answers follow from `answers`.
    private static object?[] Row(string credit, int answers, object? weight = null, string? answer = null) =>
        [credit, 2016, weight ?? (1.25 + (answers % 7)), .. Enumerable.Range(0, 7).Select(k => (object?)(k == 3 && answer is not null ? answer : ((answers >> k) & 1) == 1 ? "是" : "否"))];
}
