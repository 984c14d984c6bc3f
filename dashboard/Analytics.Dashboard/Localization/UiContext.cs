using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Dashboard.Localization;

/// <summary>The language of the request being rendered, its labels, and links that keep the language.</summary>
public sealed class UiContext
{
    /// <summary>Reads the language from the request.</summary>
    public UiContext(IHttpContextAccessor accessor)
        : this(accessor, null)
    {
    }

    /// <summary>The language of <paramref name="target"/> when it names one (a render outside a request), else the request's.</summary>
    [ActivatorUtilitiesConstructor]
    public UiContext(IHttpContextAccessor accessor, Presentation.RenderTarget? target)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        English = target?.English ?? (accessor.HttpContext is { } c && RequestCultureMiddleware.IsEnglish(c));
        Culture = English ? RequestCultureMiddleware.English : RequestCultureMiddleware.Chinese;
    }

    /// <summary>Whether the page is in English (else Chinese).</summary>
    public bool English { get; }

    /// <summary>The culture for numbers and dates.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The value of the <c>lang</c> parameter.</summary>
    public string Lang => English ? "en" : "zh";

    /// <summary>The HTML <c>lang</c> attribute.</summary>
    public string HtmlLang => English ? "en" : "zh-CN";

    /// <summary>A label.</summary>
    public string this[string key] => Labels.Get(key, Culture);

    /// <summary>Chinese or English text, whichever the page is in (English falls back to Chinese).</summary>
    public string Pick(string zh, string? en) => English && !string.IsNullOrWhiteSpace(en) ? en : zh;

    /// <summary>A link to <paramref name="path"/> with the query parameters given (nulls left out) and the language.</summary>
    public string Url(string path, params (string Name, string? Value)[] query)
    {
        var pairs = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value))
            .Append(new KeyValuePair<string, string?>("lang", Lang));
        return QueryHelpers.AddQueryString(path, pairs);
    }

    /// <summary>A date as the reader writes it: 2026年12月5日, 5 Dec 2026 (never the ambiguous 12/5/2026).</summary>
    public string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(value.ToLocalTime().DateTime));

    /// <summary>A date as the reader writes it.</summary>
    public string Date(DateOnly value) => value.ToString(English ? "d MMM yyyy" : "yyyy年M月d日", Culture);

    /// <summary>A moment as the reader writes it, to the minute, in the server's time zone.</summary>
    public string DateTime(DateTimeOffset value) => value.ToLocalTime().ToString(English ? "d MMM yyyy HH:mm" : "yyyy年M月d日 HH:mm", Culture);

    /// <summary>A number in the page's culture.</summary>
    public string Number(double value, string format = "N0") => value.ToString(format, Culture);
}
