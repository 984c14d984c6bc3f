using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Analytics.Dashboard;

/// <summary>
/// Pages, JSON and CSV compressed on the fly (Brotli, else gzip, at the fastest level): the overview's HTML is 155 KB
/// and compresses to about a tenth. Static assets are not touched here; they are precompressed at build and served by
/// <c>MapStaticAssets</c>, and PDFs and workbooks are compressed formats already.
/// BREACH (guessing a secret in a compressed body from its size) finds nothing to guess: the only secret a page holds
/// is the antiforgery request token, which ASP.NET Core generates afresh, differently masked, on every response, and
/// the sign-in cookie is never in a body.
/// </summary>
public static class ResponseCompressionSetup
{
    /// <summary>Types compressed on the fly.</summary>
    public static readonly string[] MimeTypes =
        ["text/html", "application/json", "application/problem+json", "text/csv", "text/plain", "application/x-ndjson"];

    /// <summary>Registers the compression providers.</summary>
    public static IServiceCollection AddDashboardCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
