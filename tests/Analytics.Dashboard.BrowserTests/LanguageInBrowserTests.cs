using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Analytics.Dashboard.BrowserTests.Support;

namespace Analytics.Dashboard.BrowserTests;

/// <summary>
/// Every label comes from the resources in the page's language: a Chinese page shows none of the English resources
/// (nor raw ids or missing resource keys), an English page none of the Chinese ones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LanguageInBrowserTests(BrowserFixture fixture)
{
    private static readonly string[] Pages =
    [
        "/?plan=CQ2013", "/?plan=YY2020&by=industry", "/?plan=CQ2013&year=2016", "/indicator/CQ-IT-ADOPT", "/indicator/CQ-IT-ADOPT-RD",
        "/indicator/YY-NEWPROD", "/indicator/YY-POLING?district=430681", "/indicator/CQ-TECH-SME?district=500103&size=%E5%BE%AE%E5%9E%8B",
        "/district/500101", "/industry/ELEC", "/data", "/sql", "/indicator/CQ-TECH-SME?year=1999", "/nope",
    ];

    /// <summary>Text of the rendered page a reader sees in its language: without code, quoted raw messages and parts marked in another language.</summary>
    private const string VisibleText = """
        lang => {
          const clone = document.body.cloneNode(true);
          for (const e of clone.querySelectorAll('code, script, style, .example, [lang]:not([lang^="' + lang + '"])')) e.remove();
          return clone.innerText + ' ' + [...document.querySelectorAll('svg text')].map(t => t.textContent).join(' ');
        }
        """;

    [Fact]
    public async Task Chinese_pages_show_no_english_resource_raw_id_or_missing_key()
    {
        var english = Resources(CultureInfo.GetCultureInfo("en"));
        var chinese = Resources(CultureInfo.InvariantCulture);
        var fragments = english.Where(e => chinese.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value)).Select(f => f.Trim(' ', '.', ',', ':', '(', ')'))
            .Where(f => f.Length >= 8 && f.Any(char.IsAsciiLetter)).Distinct().ToList();
        Assert.NotEmpty(fragments);
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Analyst);
        foreach (var path in Pages)
        {
            await page.GotoAsync(fixture.BaseUrl + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=zh");
            var text = await page.EvaluateAsync<string>(VisibleText, "zh");
            foreach (var f in fragments)
            {
                Assert.False(text.Contains(f, StringComparison.Ordinal), $"{path} shows the English '{f}' in \"{Around(text, f)}\"");
            }

            Assert.DoesNotMatch(RawIds(), text);
            Assert.DoesNotMatch(FeedIds(), text);
            Assert.DoesNotContain(">=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task English_pages_show_no_chinese_resource()
    {
        var english = Resources(CultureInfo.GetCultureInfo("en"));
        var chinese = Resources(CultureInfo.InvariantCulture);
        var fragments = chinese.Where(c => english.GetValueOrDefault(c.Key) != c.Value)
            .SelectMany(c => Placeholder().Split(c.Value)).Select(f => f.Trim())
            .Where(f => f.Count(ch => ch >= '\u3400' && ch <= '\u9fff') >= 2).Distinct().ToList();
        fragments.AddRange(["小型", "万元", "未知", "口径"]);
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Analyst);
        foreach (var path in Pages)
        {
            await page.GotoAsync(fixture.BaseUrl + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en");
            var text = await page.EvaluateAsync<string>(VisibleText, "en");
            foreach (var f in fragments)
            {
                Assert.False(text.Contains(f, StringComparison.Ordinal), $"{path} shows the Chinese '{f}' in \"{Around(text, f)}\"");
            }

            Assert.DoesNotMatch(RawIds(), text);
        }
    }

    [Fact]
    public async Task An_english_page_marks_chinese_it_quotes_with_its_language()
    {
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Analyst);
        await page.GotoAsync(fixture.BaseUrl + "/indicator/CQ-IT-ADOPT?lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var citation = page.Locator("#target-version span.quote");
        Assert.Equal("zh-CN", await citation.GetAttributeAsync("lang"));
        Assert.Contains("渝府办发", await citation.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Version 1", await page.Locator("#target-version").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The text around the first <paramref name="fragment"/>, for the failure message.</summary>
    private static string Around(string text, string fragment)
    {
        var at = text.IndexOf(fragment, StringComparison.Ordinal);
        var start = Math.Max(0, at - 60);
        return text[start..Math.Min(text.Length, at + fragment.Length + 60)].ReplaceLineEndings(" ⏎ ");
    }

    /// <summary>The labels of one resource file: English ("en"), or the neutral Chinese ones (the invariant culture).</summary>
    private static Dictionary<string, string> Resources(CultureInfo culture)
    {
        var manager = new ResourceManager("Analytics.Dashboard.Localization.Labels", typeof(Program).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A missing resource shows its key; the marts' placeholders and feed ids are not words for a reader.</summary>
    [GeneratedRegex(@"\b(?:Rule|Feed|Size|Kind|Role)_\w+|\bUNKNOWN\b|\brd_spend\b")]
    private static partial Regex RawIds();

    /// <summary>Feed ids, which a Chinese page names in Chinese.</summary>
    [GeneratedRegex(@"\b(?:recognitions|registry|survey|patents)\b")]
    private static partial Regex FeedIds();
}
