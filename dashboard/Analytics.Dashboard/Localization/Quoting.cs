using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Analytics.Dashboard.Localization;

/// <summary>Text quoted verbatim from a document or a person (a plan's citation, a recorded reason), in its own language.</summary>
/// <param name="Text">The text as written.</param>
public readonly record struct Quote(string Text);

/// <summary>
/// Renders quoted text inside a page of the other language marked with its own <c>lang</c>: a Chinese citation on an
/// English page is <c>&lt;span lang="zh-CN"&gt;</c>, so screen readers pronounce it as Chinese, fonts choose Chinese
/// glyphs, and the language check of the pages can tell a quotation from an untranslated label.
/// </summary>
public static class Quoting
{
    private const char Marker = '\u0001';

    /// <summary>Whether <paramref name="text"/> holds Chinese characters (CJK unified ideographs).</summary>
    public static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u3400' and <= '\u9fff');

    /// <summary>The <c>lang</c> of a quotation: <c>zh-CN</c> when it holds Chinese, else none (the page's own).</summary>
    public static string? LangOf(string? text) => IsChinese(text) ? "zh-CN" : null;

    /// <summary>
    /// <paramref name="format"/> with <paramref name="args"/>, as <see cref="string.Format(IFormatProvider, string, object[])"/>,
    /// every <see cref="Quote"/> among them in a <c>span</c> with its language (<see cref="LangOf"/>).
    /// </summary>
    public static RenderFragment Format(IFormatProvider culture, string format, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var quotes = new List<string>();
        // A control character in someone's text must not pass for a marker.
        var marked = args.Select(a => a switch { Quote q => Mark(quotes, q.Text), string s => s.Replace(Marker, ' '), _ => a }).ToArray();
        var parts = string.Format(culture, format, marked).Split(Marker);
        return builder =>
        {
            builder.AddContent(0, parts[0]);
            for (var i = 1; i < parts.Length; i += 2)
            {
                var quote = quotes[int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture)];
                Render(builder, quote);
                builder.AddContent(5, parts[i + 1]);
            }
        };
    }

    /// <summary>One quotation, in a span with its language when that is Chinese.</summary>
    public static RenderFragment Render(string? text) => builder => Render(builder, text ?? "—");

    /// <summary>
    /// A label that names Chinese terms as they appear in the data (an English rule that speaks of 万元 or 注销):
    /// every run of Chinese characters in a span marked <c>zh-CN</c>, the rest as it is.
    /// </summary>
    public static RenderFragment Terms(string text) => builder =>
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var chinese = IsChineseChar(text[start]);
            while (end < text.Length && IsChineseChar(text[end]) == chinese)
            {
                end++;
            }

            if (chinese)
            {
                Render(builder, text[start..end]);
            }
            else
            {
                builder.AddContent(6, text[start..end]);
            }

            start = end;
        }
    };

    // Ideographs, CJK punctuation (〔〕、。) and full-width forms.
    private static bool IsChineseChar(char c) => c is >= '\u3000' and <= '\u303f' or >= '\u3400' and <= '\u9fff' or >= '\uff01' and <= '\uff5e';

    private static void Render(RenderTreeBuilder builder, string text)
    {
        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "class", "quote");
        builder.AddAttribute(3, "lang", LangOf(text));
        builder.AddContent(4, text);
        builder.CloseElement();
    }

    private static string Mark(List<string> quotes, string text)
    {
        quotes.Add(text);
        return $"{Marker}{quotes.Count - 1}{Marker}";
    }
}
