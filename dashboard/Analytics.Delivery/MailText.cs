using System.Globalization;

namespace Analytics.Delivery;

/// <summary>The words of the messages, in Chinese and English (the dashboard's own status words).</summary>
internal static class MailText
{
    public static bool English(Subscription s) => s.Language == "en";

    public static string Status(string status, bool en) => status switch
    {
        "on_track" => en ? "On track" : "达到进度",
        "at_risk" => en ? "At risk" : "略有滞后",
        "off_track" => en ? "Off track" : "明显滞后",
        _ => status,
    };

    public static string City(bool en) => en ? "City" : "全市";

    public static string Place(StandingRow r, bool en) => r.DistrictCode == StatusBoard.City ? City(en) : (en ? r.DistrictEn : r.DistrictZh);

    public static string Indicator(StandingRow r, bool en) => en ? r.IndicatorEn : r.IndicatorZh;

    public static string BriefSubject(Subscription s, string snapshot, string? title) => English(s)
        ? $"{BriefName(s, title)} brief — {SnapshotDate(snapshot, true)}"
        : $"{BriefName(s, title)}简报 — {SnapshotDate(snapshot, false)}";

    public static string AlertSubject(Subscription s, int count, string? title) => English(s)
        ? $"{BriefName(s, title)}: {count} indicator status{(count == 1 ? "" : "es")} changed"
        : $"{BriefName(s, title)}：{count} 项指标状态变化";

    /// <summary>What a subscription is about: the plan, or the district (its name when known) and the plan.</summary>
    public static string BriefName(Subscription s, string? title = null) => s.Brief == BriefKinds.District
        ? $"{title ?? s.District} ({s.Plan})"
        : s.Plan;

    public static string BriefIntro(Subscription s) => English(s)
        ? "The attached PDF is the brief as you see it on the dashboard, made from the snapshot named below."
        : "附件 PDF 为您在监测平台上看到的简报，数据来自下列快照。";

    public static string AlertIntro(Subscription s) => English(s)
        ? "The newest snapshot changed where these indicators stand (the status of the latest year judged):"
        : "最新数据快照使下列指标的达标状态发生变化（最近一个评价年度的状态）：";

    public static string Columns(bool en) => en ? "Indicator|Where|Year|Before|Now" : "指标|地区|年度|此前|现在";

    public static string Snapshot(bool en) => en ? "Snapshot" : "数据快照";

    public static string Open(bool en) => en ? "Open the dashboard" : "打开监测平台";

    public static string Unsubscribe(bool en) => en ? "Unsubscribe" : "退订";

    public static string Why(Subscription s) => English(s)
        ? $"You receive this because your account {s.UserName} subscribed to it (subscription {s.Id})."
        : $"您收到此邮件，是因为账户 {s.UserName} 订阅了它（订阅编号 {s.Id}）。";

    /// <summary>The date in a snapshot's name (<c>warehouse-yyyyMMddTHHmmssfff-id</c>), else the name.</summary>
    public static string SnapshotDate(string snapshot, bool en)
    {
        var parts = snapshot.Split('-');
        return parts.Length >= 2 && DateTime.TryParseExact(parts[1], "yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var built)
            ? (en ? built.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : built.ToString("yyyy年M月d日", CultureInfo.InvariantCulture))
            : snapshot;
    }
}
