using System.Text;

namespace Analytics.Etl.Tests.Support;

/// <summary>Builds registry CSV text: the demo generator's headers and a valid row that tests change one cell at a time.</summary>
public sealed class RegistryCsv
{
    public static readonly string[] Headers =
    [
        "统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "成立日期", "登记状态", "注销日期",
        "从业人员", "营业收入(万元)", "资产总额(万元)", "企业规模", "数据日期",
    ];

    private readonly List<string> headers = [.. Headers];
    private readonly List<string> keys = [.. Headers];
    private readonly List<string[]> rows = [];

    public static Dictionary<string, string> ValidRow(int serial = 1) => new()
    {
        ["统一社会信用代码"] = Codes.Credit(serial),
        ["企业名称"] = $"重庆测试{serial}科技有限公司",
        ["行政区划代码"] = "500120",
        ["国民经济行业代码"] = "C3670",
        ["成立日期"] = "2010-05-06",
        ["登记状态"] = "存续",
        ["注销日期"] = "",
        ["从业人员"] = "35",
        ["营业收入(万元)"] = "1234.5",
        ["资产总额(万元)"] = "800",
        ["企业规模"] = "小型",
        ["数据日期"] = "2016-12-31",
    };

    public RegistryCsv RenameHeader(string from, string to)
    {
        headers[headers.IndexOf(from)] = to;
        return this;
    }

    public RegistryCsv WithoutColumn(string header)
    {
        var i = keys.IndexOf(header);
        headers.RemoveAt(i);
        keys.RemoveAt(i);
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r] = rows[r].Where((_, k) => k != i).ToArray();
        }

        return this;
    }

    public RegistryCsv Row(Dictionary<string, string> values)
    {
        rows.Add(keys.Select(h => values[h]).ToArray());
        return this;
    }

    public RegistryCsv Row(int serial, params (string Header, string Value)[] changes)
    {
        var values = ValidRow(serial);
        foreach (var (h, v) in changes)
        {
            values[h] = v;
        }

        return Row(values);
    }

    public RegistryCsv RawLine(string line)
    {
        rows.Add(["\u0001" + line]);
        return this;
    }

    public string Text()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', headers.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(row.Length == 1 && row[0].Contains('\u0001', StringComparison.Ordinal) ? row[0].Replace("\u0001", "", StringComparison.Ordinal) : string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    public string Write(TempFolder folder, string name = "registry_2016-12-31.csv", Encoding? encoding = null) =>
        folder.WriteText(name, Text(), encoding ?? TempFolder.Gbk);

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
