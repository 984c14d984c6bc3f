using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Dashboard.Exports;

/// <summary><c>GET /export/pdf?page=/indicator/CQ-TECH-SME?year=2015</c>: a reading page as an A4 PDF a leader can forward.</summary>
public static class PdfEndpoint
{
    /// <summary>Maps <c>/export/pdf</c> (readers; the page itself then decides what this account sees).</summary>
    public static IEndpointRouteBuilder MapPagePdf(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/pdf", Print)
            .RequireAuthorization(Analytics.Accounts.Policies.Reader)
            .WithTags("Exports")
            .WithSummary("A page of the dashboard as an A4 PDF, printed by headless Chromium as the signed-in reader sees it")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return app;
    }

    /// <summary>The footer beside the page numbers: the product, the snapshot printed and when.</summary>
    internal static string Footer(string? snapshotPath, bool english)
    {
        var culture = english ? RequestCultureMiddleware.English : RequestCultureMiddleware.Chinese;
        return string.Join(" · ", new[]
        {
            Labels.Get("AppTitle", culture),
            snapshotPath is { } s ? $"{Labels.Get("Snapshot", culture)} {Path.GetFileName(s)}" : null,
            $"{Labels.Get("PrintedAt", culture)} {DateTimeOffset.Now.ToString(english ? "d MMM yyyy HH:mm" : "yyyy年M月d日 HH:mm", culture)}",
        }.Where(x => x is not null));
    }

    internal static async Task<IResult> Print(string? page, HttpContext context, PagePrinter printer, Warehouse w)
    {
        if (PrintablePage.Parse(page, out var error) is not { } printable)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [error!] });
        }

        var query = printable.PathAndQuery.Contains('?', StringComparison.Ordinal) ? printable.PathAndQuery[printable.PathAndQuery.IndexOf('?', StringComparison.Ordinal)..] : "";
        var english = string.Equals(QueryHelpers.ParseQuery(query).GetValueOrDefault("lang").ToString(), "en", StringComparison.OrdinalIgnoreCase);
        var footer = Footer(w.Snapshot?.Path, english);

        var request = new PrintRequest(
            printable,
            context.Request.Cookies.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            english,
            footer);
        var result = await printer.PrintAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (result.Pdf is { } pdf)
        {
            context.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.File(pdf, "application/pdf", printable.FileName);
        }

        if (result.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        return TypedResults.Problem(title: result.Problem, statusCode: result.Status);
    }
}
