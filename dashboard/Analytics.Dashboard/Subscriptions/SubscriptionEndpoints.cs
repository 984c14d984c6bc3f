using Analytics.Accounts;
using Analytics.Dashboard.Api;
using Analytics.Dashboard.Localization;
using Analytics.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Dashboard.Subscriptions;

/// <summary>
/// <c>/api/subscriptions</c>: the signed-in reader's own subscriptions (list, add, end); and <c>POST /unsubscribe/{token}</c>,
/// the link in every message, answered without a sign-in (RFC 8058 one-click, or the confirmation page's button).
/// </summary>
public static class SubscriptionEndpoints
{
    /// <summary>Maps the API and the unsubscribe link's POST.</summary>
    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/subscriptions").WithTags("Subscriptions").RequireAuthorization(Policies.Reader);
        group.MapGet("/", ListAsync);
        group.MapPost("/", AddAsync).ProducesValidationProblem();
        group.MapDelete("/{id:int}", EndAsync);

        // Ahead of the confirmation page's own endpoint at the same address (a page takes POSTs of its forms too).
        var unsubscribe = app.MapPost("/unsubscribe/{token}", UnsubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        unsubscribe.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = -1);
        return app;
    }

    /// <summary>A subscription as the API shows it (its unsubscribe token is in its messages, not here).</summary>
    public sealed record SubscriptionResponse(
        int Id, string Brief, string Plan, string? District, string Language, string? Cron, string TimeZone,
        bool OnPublish, bool Alerts, string Target, string Address, DateTimeOffset CreatedAt)
    {
        /// <summary>The response for <paramref name="s"/>.</summary>
        public static SubscriptionResponse Of(Subscription s)
        {
            ArgumentNullException.ThrowIfNull(s);
            return new(s.Id, s.Brief, s.Plan, s.District, s.Language, s.Cron, s.TimeZone, s.OnPublish, s.Alerts, s.Target, s.Address, s.CreatedAt);
        }
    }

    /// <summary>The body of <c>POST /api/subscriptions</c>: <c>brief</c> (plan or district), <c>plan</c>, <c>district</c> (a district brief's), <c>language</c> (zh, en), <c>cron</c> and <c>timeZone</c>, <c>onPublish</c>, <c>alerts</c>, <c>email</c>.</summary>
    public sealed record SubscriptionBody(
        string? Brief, string? Plan, string? District, string? Language, string? Cron, string? TimeZone, bool OnPublish, bool Alerts, string? Email);

    private static async Task<Ok<List<SubscriptionResponse>>> ListAsync(ReaderSubscriptions mine, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mine.ListAsync(cancellationToken).ConfigureAwait(false)).Select(SubscriptionResponse.Of).ToList());

    private static async Task<Results<Created<SubscriptionResponse>, ValidationProblem>> AddAsync(SubscriptionBody? body, ReaderSubscriptions mine, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the subscription as JSON: brief, plan, district, language, cron, timeZone, onPublish, alerts, email."] });
        }

        try
        {
            var made = await mine.AddAsync(new SubscriptionAsk(body.Brief ?? "", body.Plan ?? "", body.District, body.Language ?? "zh",
                body.Cron, body.TimeZone, body.OnPublish, body.Alerts, body.Email ?? ""), cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/api/subscriptions/{made.Id}", SubscriptionResponse.Of(made));
        }
        catch (SubscriptionException ex)
        {
            return TypedResults.ValidationProblem(SubscriptionProblems.ByField(ex));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(int id, ReaderSubscriptions mine, CancellationToken cancellationToken)
    {
        try
        {
            await mine.EndAsync(id, cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        }
        catch (SubscriptionException ex)
        {
            return Problems.NotFound("No such subscription.", ex.Message);
        }
    }

    /// <summary>
    /// Ends the subscription the link names. A mail client's one-click POST (<c>List-Unsubscribe=One-Click</c>) gets
    /// 200 and a line of text; the confirmation page's button is sent back to the page, which then says it is done.
    /// </summary>
    private static async Task<IResult> UnsubscribeAsync(string token, HttpContext context, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (await store.UnsubscribeAsync(token, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("Unknown unsubscribe link.", "The link is not one of this dashboard's subscriptions. 退订链接无效。");
        }

        var oneClick = context.Request.HasFormContentType
            && (await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false))["List-Unsubscribe"] == "One-Click";
        return oneClick
            ? TypedResults.Text("Unsubscribed. 已退订。")
            : TypedResults.Redirect($"/unsubscribe/{Uri.EscapeDataString(token)}{(RequestCultureMiddleware.IsEnglish(context) ? "?lang=en" : "")}", permanent: false, preserveMethod: false);
    }
}
