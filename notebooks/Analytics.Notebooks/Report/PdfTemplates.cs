using Analytics.Notebooks.Api;

namespace Analytics.Notebooks.Report;

/// <summary>
/// Chromium's header and footer templates for the PDF brief: the title on top, the data's as-of date and
/// "page N of M" at the bottom. Templates need their own font and size (they inherit nothing from the page).
/// </summary>
internal static class PdfTemplates
{
    private const string Style = "font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; font-size: 8pt; color: #555; width: 100%; padding: 0 16mm;";

    public static string Header(string title) =>
        $"<div style=\"{Style}\"><span>{Html.Encode(title)}</span></div>";

    public static string Footer(SnapshotSummary snapshot) =>
        $"<div style=\"{Style} display: flex; justify-content: space-between;\">" +
        $"<span>数据截至 Data as of {snapshot.DataAsOf:yyyy-MM-dd} · 快照 {Html.Encode(snapshot.Name)}</span>" +
        "<span>第 <span class=\"pageNumber\"></span> 页 / 共 <span class=\"totalPages\"></span> 页 · page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span>" +
        "</div>";
}
