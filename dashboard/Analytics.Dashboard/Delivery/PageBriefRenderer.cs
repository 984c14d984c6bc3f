using Analytics.Accounts;
using Analytics.Dashboard.Exports;
using Analytics.Dashboard.Snapshots;
using Analytics.Delivery;

namespace Analytics.Dashboard.Delivery;

/// <summary>
/// A subscription's brief is this dashboard's own page — the plan's overview, or the district's page — printed by
/// <see cref="PagePrinter"/> as the recipient: the printer signs in with an API token made for this one print (fifteen
/// minutes, revoked as soon as it is done, labelled so in the account's token list), so the brief holds exactly what
/// the recipient may see on the dashboard, with the same disclosure control, in their language.
/// </summary>
internal sealed class PageBriefRenderer(IServiceScopeFactory scopes, PagePrinter printer, SnapshotSource snapshots, string publicUrl) : IBriefRenderer
{
    /// <summary>The label of the tokens the printer signs in with.</summary>
    public const string TokenLabel = "brief delivery (printed and revoked)";

    /// <summary>The page a subscription's brief is.</summary>
    public static string PageOf(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var page = subscription.Brief == BriefKinds.District
            ? $"/district/{Uri.EscapeDataString(subscription.District ?? "")}"
            : $"/?plan={Uri.EscapeDataString(subscription.Plan)}";
        return subscription.Language == "en" ? page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" : page;
    }

    public async Task<RenderedBrief> RenderAsync(Subscription subscription, Recipient recipient, CancellationToken cancellationToken)
    {
        var page = PageOf(subscription);
        var printable = PrintablePage.Parse(page, out var error) ?? throw new InvalidOperationException(error);
        var english = subscription.Language == "en";
        var snapshot = snapshots.Refresh();

        using var scope = scopes.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
        var token = await accounts.CreateTokenAsync(recipient.UserName, TokenLabel, TimeSpan.FromMinutes(15)).ConfigureAwait(false);
        PrintResult result;
        try
        {
            var request = new PrintRequest(printable, new Dictionary<string, string>(), "Bearer " + token, english, PdfEndpoint.Footer(snapshot?.Path, english));
            result = await printer.PrintAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await accounts.RevokeTokenAsync(recipient.UserName, token[..11]).ConfigureAwait(false);
        }

        var title = subscription.Brief == BriefKinds.District && subscription.District is { } code ? snapshot?.Catalog.DistrictName(subscription.Plan, code, english) : null;
        return result.Pdf is { } pdf
            ? new RenderedBrief(pdf, printable.FileName, publicUrl.TrimEnd('/') + page, title)
            : throw new BriefNotPrintedException($"The brief {page} could not be printed for {recipient.UserName}: {result.Problem} (HTTP {result.Status}).");
    }
}

/// <summary>A brief the printer could not make this time (busy, timed out, the page refused): the delivery is retried.</summary>
public sealed class BriefNotPrintedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BriefNotPrintedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BriefNotPrintedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public BriefNotPrintedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
