namespace Analytics.Dashboard.Accounts;

/// <summary>
/// The answer to a request without the right sign-in where a redirect would be data to a script: the API, a download,
/// the OpenAPI document — 401 or 403 with a problem document, and nothing else.
/// </summary>
internal static class AccessProblem
{
    /// <summary>Whether <paramref name="path"/> is read by scripts rather than a browser's page.</summary>
    public static bool IsForScripts(PathString path) =>
        path.StartsWithSegments("/api") || Api.SqlEndpoints.Downloads.ContainsKey(path.Value ?? "") || path.StartsWithSegments("/openapi");

    /// <summary>Writes the 401 or 403 problem document.</summary>
    public static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new
        {
            status,
            title = status == StatusCodes.Status401Unauthorized
                ? "Sign in first (or send Authorization: Bearer <API token>). 请先登录（或在请求头中提供 API 令牌）。"
                : "Your role does not allow this. 您的角色无权访问此内容。",
        }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
