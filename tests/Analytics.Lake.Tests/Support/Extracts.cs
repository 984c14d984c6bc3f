using System.Globalization;
using System.Text;
using Analytics.Etl.Identifiers;

namespace Analytics.Lake.Tests.Support;

/// <summary>Hand-written extract text in the suppliers' formats, with identifiers computed from their published rules.</summary>
internal static class Extracts
{
    public static readonly string[] RegistryHeaders =
    [
        "统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "成立日期", "登记状态", "注销日期",
        "从业人员", "营业收入(万元)", "资产总额(万元)", "企业规模", "数据日期",
    ];

    /// <summary>A valid credit code whose body ends with <paramref name="serial"/>.</summary>
    public static string Credit(int serial)
    {
        var body = "91500000" + serial.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    /// <summary>The same code with a wrong check character.</summary>
    public static string WrongCheck(string code)
    {
        var alphabet = CreditCode.Alphabet;
        return code[..^1] + alphabet[(alphabet.IndexOf(code[^1], StringComparison.Ordinal) + 1) % alphabet.Length];
    }

    /// <summary>A valid patent application number, canonical form.</summary>
    public static string Patent(int year, int type, int serial)
    {
        var digits = $"{year:D4}{type}{serial:D7}";
        return digits + "." + PatentApplicationNumber.ComputeCheckCharacter(digits);
    }

    /// <summary>A registry row (the cells in <see cref="RegistryHeaders"/> order) that passes every rule.</summary>
    public static string RegistryRow(string creditCode, string revenue = "1234.5", string founded = "2010-05-06") =>
        string.Join(',', creditCode, "重庆测试科技有限公司", "500120", "C3670", founded, "存续", "", "35", revenue, "800", "小型", "2016-12-31");

    /// <summary>Registry CSV text: the header and the given lines, CRLF-terminated.</summary>
    public static string Registry(params string[] lines) => Registry(RegistryHeaders, lines);

    public static string Registry(IEnumerable<string> headers, params string[] lines)
    {
        var text = new StringBuilder(string.Join(',', headers)).Append("\r\n");
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>A patent as one JSON line.</summary>
    public static string PatentLine(string applicationNo, string applicantsJson, string applicationDate = "2019-03-04") =>
        $"{{\"application_no\":\"{applicationNo}\",\"patent_type\":1,\"title\":\"一种装置\",\"applicants\":{applicantsJson}," +
        $"\"application_date\":\"{applicationDate}\",\"publication_date\":null,\"grant_date\":null,\"legal_status\":\"审中\",\"ipc_main\":\"G06F 16/00\"}}";

    /// <summary>R&amp;D spend CSV text with the required Chinese headers.</summary>
    public static string RdSpend(params string[] lines)
    {
        var text = new StringBuilder("统一社会信用代码,年度,研发费用(万元),主营业务收入(万元)\r\n");
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        return text.ToString();
    }
}
