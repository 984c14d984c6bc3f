using System.Net;
using Analytics.Dashboard.Snapshots;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Analytics.Dashboard.Exports;

/// <summary>
/// Prints pages of this dashboard to A4 PDF with headless Chromium (Debian's <c>chromium</c> driven by Playwright, as
/// the notebooks print their briefs): the page is opened from the dashboard's own address with the requester's
/// cookies and Authorization header, so it shows exactly what they may see, in their language. One browser for the
/// process, started on the first print and restarted if it dies; each print gets a fresh browser context (nothing is
/// shared between readers); at most <see cref="PdfOptions.MaxConcurrent"/> at once, each within a time limit.
/// </summary>
public sealed partial class PagePrinter(IOptions<AnalyticsOptions> options, IServer server, ILogger<PagePrinter> log) : IAsyncDisposable
{
    /// <summary>Width of A4's printable area (210 mm less 2 × 16 mm margins) in CSS pixels: charts are drawn to it.</summary>
    private const int PrintableWidth = 673;

    private readonly PdfOptions _options = options.Value.Pdf;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.Pdf.MaxConcurrent));
    private readonly Lock _gate = new();
    private IPlaywright? _playwright;
    private Task<IBrowser>? _browser;

    /// <summary>Prints <paramref name="request"/>'s page, or says why not.</summary>
    public async Task<PrintResult> PrintAsync(PrintRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(_options.QueueTimeoutSeconds), cancellationToken).ConfigureAwait(false))
        {
            return PrintResult.Failed(StatusCodes.Status503ServiceUnavailable,
                $"{_options.MaxConcurrent} pages are being printed; try again in a few seconds.");
        }

        try
        {
            return await PrintInSlotAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<PrintResult> PrintInSlotAsync(PrintRequest request, CancellationToken cancellationToken)
    {
        IBrowser browser;
        try
        {
            browser = await BrowserAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or PlaywrightException)
        {
            lock (_gate)
            {
                _browser = null;
            }

            PrintingUnavailable(log, e.Message);
            return PrintResult.Failed(StatusCodes.Status503ServiceUnavailable, e.Message);
        }

        if (BaseUrl() is not { } baseUrl)
        {
            return PrintResult.Failed(StatusCodes.Status503ServiceUnavailable,
                "The dashboard has no listening address the printer can open: set Analytics:Pdf:BaseUrl.");
        }

        var timeout = (float)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PrintableWidth, Height = 950 },
            Locale = request.English ? "en-US" : "zh-CN",
            IgnoreHTTPSErrors = true, // its own address: a certificate made out to the public name does not match 127.0.0.1
            ExtraHTTPHeaders = request.Authorization is { } auth ? new Dictionary<string, string> { ["Authorization"] = auth } : null,
        }).ConfigureAwait(false);
        try
        {
            if (request.Cookies.Count > 0)
            {
                await context.AddCookiesAsync(request.Cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Key, Value = c.Value, Url = baseUrl })).ConfigureAwait(false);
            }

            var page = await context.NewPageAsync().ConfigureAwait(false);
            page.SetDefaultTimeout(timeout);
            page.SetDefaultNavigationTimeout(timeout);
            using var cancel = cancellationToken.Register(() => _ = context.CloseAsync());
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print }).ConfigureAwait(false);
            var response = await page.GotoAsync(baseUrl + request.Page.PathAndQuery, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
            if (response is null || response.Status != StatusCodes.Status200OK || !page.Url.StartsWith(baseUrl + "/", StringComparison.Ordinal)
                || new Uri(page.Url).AbsolutePath.StartsWith("/account/", StringComparison.Ordinal))
            {
                // Not found, refused, or sent to the login page: the reader gets that answer, not a PDF of it.
                var status = response?.Status is int s and not StatusCodes.Status200OK ? s : StatusCodes.Status403Forbidden;
                return PrintResult.Failed(status, status == StatusCodes.Status404NotFound
                    ? $"There is no page {request.Page.PathAndQuery}."
                    : $"The page {request.Page.PathAndQuery} cannot be shown to this account (HTTP {status}).");
            }

            // Charts are drawn by script after the load (charts.js marks the body when all are drawn).
            if (await page.Locator("[data-chart]").CountAsync().ConfigureAwait(false) > 0)
            {
                await page.WaitForFunctionAsync("() => document.body.dataset.charts === 'ready'").ConfigureAwait(false);
            }

            await page.EvaluateAsync("() => document.fonts.ready").ConfigureAwait(false);
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<div style=\"font-size:7.5pt;color:#555;width:100%;padding:0 16mm;\"><span class=\"title\"></span></div>",
                FooterTemplate = "<div style=\"font-size:7.5pt;color:#555;width:100%;padding:0 16mm;display:flex;justify-content:space-between;\">"
                                 + $"<span>{WebUtility.HtmlEncode(request.Footer)}</span><span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>",
                Margin = new Margin { Top = "16mm", Bottom = "16mm", Left = "16mm", Right = "16mm" },
            }).ConfigureAwait(false);
            return PrintResult.Printed(pdf);
        }
        catch (TimeoutException)
        {
            PrintingTimedOut(log, request.Page.PathAndQuery, _options.TimeoutSeconds);
            return PrintResult.Failed(StatusCodes.Status504GatewayTimeout,
                $"Printing the page took longer than {_options.TimeoutSeconds:0} s; try again, or print it from the browser (Ctrl+P).");
        }
        catch (PlaywrightException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The reader left before the PDF was printed.", e, cancellationToken);
        }
        catch (PlaywrightException e)
        {
            // The page could not be opened (the address refused, the browser died mid-print): say so, never a 500.
            var reason = e.Message.Split('\n', 2)[0];
            PrintingFailed(log, request.Page.PathAndQuery, baseUrl, reason);
            return PrintResult.Failed(StatusCodes.Status502BadGateway,
                $"The printer could not open {request.Page.PathAndQuery} at {baseUrl} ({reason}); if the dashboard is reached through another address, set Analytics:Pdf:BaseUrl.");
        }
        finally
        {
            await context.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Where the printer reaches this dashboard: the setting, else the first listening address (a wildcard host read as 127.0.0.1); null when there is none (an in-memory test server).</summary>
    internal string? BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(_options.BaseUrl))
        {
            return _options.BaseUrl.TrimEnd('/');
        }

        var address = server.Features?.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal));
        if (address is null)
        {
            return null;
        }

        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    private Task<IBrowser> BrowserAsync()
    {
        lock (_gate)
        {
            if (_browser is { IsCompletedSuccessfully: true } started && !started.Result.IsConnected)
            {
                BrowserGone(log);
                _browser = null;
            }

            return _browser ??= LaunchAsync();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        var executable = Analytics.Snapshots.Rendering.HeadlessChromium.Executable(_options.Chromium);
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException(
                $"PDFs are printed by Chromium, which was not found at '{executable}'. Install Debian's 'chromium' and 'fonts-noto-cjk' " +
                "(scripts/setup-machine.sh does), or set Analytics:Pdf:Chromium to the browser's path. Browsers print any page too (Ctrl+P).", executable);
        }

        _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Analytics.Snapshots.Rendering.HeadlessChromium.Arguments })
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task<IBrowser>? browser;
        lock (_gate)
        {
            browser = _browser;
            _browser = null;
        }

        if (browser is { IsCompletedSuccessfully: true })
        {
            await browser.Result.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PDF printing is unavailable: {Message}")]
    private static partial void PrintingUnavailable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printing {Page} took longer than {Seconds} s")]
    private static partial void PrintingTimedOut(ILogger logger, string page, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Printing {Page} from {BaseUrl} failed: {Reason}")]
    private static partial void PrintingFailed(ILogger logger, string page, string baseUrl, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF printer's browser had gone; starting another")]
    private static partial void BrowserGone(ILogger logger);
}

/// <summary>What to print, and as whom.</summary>
/// <param name="Page">The page.</param>
/// <param name="Cookies">The requester's cookies (their sign-in), passed to the page.</param>
/// <param name="Authorization">The requester's Authorization header (an API token), passed to the page.</param>
/// <param name="English">The page's language is English (the browser's locale follows it).</param>
/// <param name="Footer">The footer's text beside the page numbers: snapshot and time printed.</param>
public sealed record PrintRequest(PrintablePage Page, IReadOnlyDictionary<string, string> Cookies, string? Authorization, bool English, string Footer);

/// <summary>A PDF, or the HTTP status and message that say why there is none.</summary>
public sealed record PrintResult(byte[]? Pdf, int Status, string? Problem)
{
    /// <summary>A printed page.</summary>
    public static PrintResult Printed(byte[] pdf) => new(pdf, StatusCodes.Status200OK, null);

    /// <summary>No PDF, and why.</summary>
    public static PrintResult Failed(int status, string problem) => new(null, status, problem);
}
