using System.Diagnostics;
using Analytics.Dashboard.BrowserTests.Support;
using Analytics.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboard.BrowserTests;

/// <summary>
/// What a leader forwards: the PDF of a page, downloaded through its link, opens as A4 and carries the numbers, the
/// language and the snapshot the page shows (its text read back with poppler's <c>pdftotext</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportsInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_pdf_of_an_indicator_page_holds_its_headline_numbers_and_the_snapshot()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/indicator/CQ-TECH-SME?year=2014&lang=zh");
        var value = (await page.InnerTextAsync("#headline-value")).Split('\n')[0].Trim();
        var target = await page.InnerTextAsync("#headline-target");
        var attainment = await page.InnerTextAsync("#headline-attainment");
        var title = await page.InnerTextAsync("h1");

        var (pdf, name) = await DownloadAsync(page, "#page-pdf");
        Assert.Equal("indicator-CQ-TECH-SME-2014.pdf", name);
        var text = PdfText(pdf);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(Squash(value), Squash(text), StringComparison.Ordinal); // 3,000家 on screen, "3,000 家" in the PDF's text
        Assert.Contains(target, text, StringComparison.Ordinal);
        Assert.Contains(attainment, text, StringComparison.Ordinal);
        Assert.Contains("数据快照 " + BrowserFixture.SnapshotName, text, StringComparison.Ordinal);
        Assert.Matches(@"1 ?/ ?\d", text); // the page numbers
        // The screen's controls are not printed.
        Assert.DoesNotContain("退出", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_of_the_english_overview_is_in_english_and_has_the_status_grid()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&year=2014&lang=en");
        var grid = await page.InnerTextAsync("#status-grid h2");

        var (pdf, name) = await DownloadAsync(page, "#page-pdf");
        Assert.Equal("overview-CQ2013-2014.pdf", name);
        var text = PdfText(pdf);
        Assert.Contains(grid, text, StringComparison.Ordinal);
        Assert.Contains("Snapshot " + BrowserFixture.SnapshotName, text, StringComparison.Ordinal);
        Assert.Contains("Printed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_officials_pdf_of_the_overview_shows_what_their_page_shows()
    {
        // The printer opens the page with the requester's sign-in: withheld cells stay withheld in the PDF.
        var page = await fixture.NewPage(Analytics.Accounts.Roles.District);
        var other = ProductCells.Districts("CQ2013").First(d => d.Code != FixtureAccounts.OfficialDistrict).Code;
        await page.GotoAsync(fixture.BaseUrl + "/district/" + other + "?year=2014&lang=zh");
        var table = await page.InnerTextAsync("#cell-table");

        var (pdf, _) = await DownloadAsync(page, "#page-pdf");
        var text = Squash(PdfText(pdf));
        foreach (var line in table.Split('\n').Select(l => Squash(l.Split('\t')[0])).Where(l => l.Length > 0))
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_excel_download_of_the_status_grid_opens_and_holds_the_attainments_the_grid_shows()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&year=2014&lang=zh");
        var district = ProductCells.Districts("CQ2013")[0].Code;
        var shown = await page.Locator($"#status-grid-table tbody tr[data-code='{district}'] td.cell").AllInnerTextsAsync();

        var (bytes, name) = await DownloadAsync(page, "#grid-downloads a[data-format='xlsx']", "PK"u8.ToArray());
        Assert.Equal("CQ2013-grid-district-2014.xlsx", name);
        var book = new Workbook(bytes);
        Assert.Empty(book.Errors);
        var rows = book.Rows.Where(r => r.Values.Any(c => c?.Text == district)).ToList();
        Assert.NotEmpty(rows);
        // Every attainment the grid shows for the district is in the workbook, as a number formatted as a percentage.
        var attainments = rows.SelectMany(r => r.Values).Where(c => c?.Number is not null && c.Format?.Contains('%', StringComparison.Ordinal) == true)
            .Select(c => c!.Number!.Value.ToString("P1", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))).ToHashSet();
        var percents = shown.Select(t => System.Text.RegularExpressions.Regex.Match(t, @"\d[\d,.]*%")).Where(m => m.Success).ToList();
        Assert.NotEmpty(percents);
        foreach (var cell in percents)
        {
            Assert.Contains(cell.Value, attainments);
        }
    }

    private static async Task<(byte[] Bytes, string Name)> DownloadAsync(IPage page, string link, byte[]? magic = null)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link), new() { Timeout = 90_000 });
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        var saved = Path.Combine(BrowserFixture.Screenshots, download.SuggestedFilename);
        await File.WriteAllBytesAsync(saved, bytes);
        magic ??= "%PDF"u8.ToArray();
        Assert.Equal(magic, bytes[..magic.Length]);
        return (bytes, download.SuggestedFilename);
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000));
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
