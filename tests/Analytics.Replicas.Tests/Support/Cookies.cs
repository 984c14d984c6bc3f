using System.Net;
using System.Text.RegularExpressions;

namespace Analytics.Replicas.Tests.Support;

/// <summary>Cookies carried by hand from one replica to another (a browser would do the same through the balancer).</summary>
internal sealed partial class Cookies
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        foreach (var header in headers)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            _values[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (_values.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _values.Select(p => $"{p.Key}={p.Value}")));
        }

        return request;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    public static string FormToken(string page) =>
        WebUtility.HtmlDecode(TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on the page"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
