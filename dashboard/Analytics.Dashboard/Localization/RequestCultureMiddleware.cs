using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Dashboard.Localization;

/// <summary>
/// The language of a request from its <c>lang</c> query parameter: <c>zh</c> (the default, culture zh-CN) or <c>en</c>
/// (en-US). Numbers and dates are formatted in that culture; labels come from <see cref="Labels"/> in it.
/// </summary>
internal static class RequestCultureMiddleware
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static bool IsEnglish(HttpContext context)
    {
        // The not-found page re-executed for a request drops its query: the language is the request's.
        var lang = context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
            ? QueryHelpers.ParseQuery(reExecuted.OriginalQueryString).GetValueOrDefault("lang").ToString()
            : context.Request.Query["lang"].ToString();
        return string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UseRequestCulture(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var culture = IsEnglish(context) ? English : Chinese;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return next(context);
    });
}
