using System.Text;
using Analytics.Notebooks.Charts;
using Analytics.Notebooks.Running;
using Microsoft.Playwright;

namespace Analytics.Notebooks.Rendering;

/// <summary>
/// Draws plotly figures to SVG and PNG and prints HTML to PDF with headless Chromium (Debian's <c>chromium</c> driven
/// by Playwright). One browser per run, started on first use: a run without charts or PDF never starts one.
/// </summary>
internal sealed class ChromiumRenderer : IAsyncDisposable
{
    private const string RenderScript = """
        async ({ figure, width, height }) => {
          const fig = JSON.parse(figure);
          const div = document.createElement('div');
          document.body.appendChild(div);
          try {
            await Plotly.newPlot(div, fig.data, fig.layout, { staticPlot: true });
            const svg = await Plotly.toImage(div, { format: 'svg', width, height });
            const png = await Plotly.toImage(div, { format: 'png', width, height, scale: 2 });
            return [svg, png];
          } finally {
            Plotly.purge(div);
            div.remove();
          }
        }
        """;

    private readonly string _executable;
    private readonly Lock _gate = new();
    private IPlaywright? _playwright;
    private Task<IBrowser>? _browser;
    private Task<IPage>? _chartPage;

    public ChromiumRenderer(string? executable = null)
    {
        _executable = Analytics.Snapshots.Rendering.HeadlessChromium.Executable(executable);
    }

    /// <summary>
    /// Starts the browser and loads plotly.js in the background, so that work overlaps the first cells' compilation.
    /// A failure here surfaces only when a chart is drawn (a notebook without charts never needs the browser).
    /// </summary>
    public void WarmUp() => _ = ChartPageAsync().ContinueWith(t => t.Exception, TaskScheduler.Default);

    /// <summary>Draws <paramref name="figure"/> at its size: SVG markup and a PNG at twice the resolution.</summary>
    public async Task<RenderedChart> RenderAsync(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var page = await ChartPageAsync().ConfigureAwait(false);
        var images = await page.EvaluateAsync<string[]>(RenderScript, new { figure = figure.ToJson(), width = figure.Width, height = figure.Height })
            .ConfigureAwait(false);
        return new RenderedChart(DecodeSvg(images[0]), DecodePng(images[1]));
    }

    /// <summary>Prints self-contained HTML to an A4 PDF with the given header and footer templates.</summary>
    public async Task<byte[]> PrintAsync(string html, string headerTemplate, string footerTemplate)
    {
        var browser = await BrowserAsync().ConfigureAwait(false);
        var page = await browser.NewPageAsync().ConfigureAwait(false);
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
            await page.EvaluateAsync("() => document.fonts.ready").ConfigureAwait(false);
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = headerTemplate,
                FooterTemplate = footerTemplate,
                Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
            }).ConfigureAwait(false);
        }
        finally
        {
            await page.CloseAsync().ConfigureAwait(false);
        }
    }

    private Task<IPage> ChartPageAsync()
    {
        lock (_gate)
        {
            return _chartPage ??= LoadChartPageAsync();
        }
    }

    private async Task<IPage> LoadChartPageAsync()
    {
        var browser = await BrowserAsync().ConfigureAwait(false);
        var page = await browser.NewPageAsync().ConfigureAwait(false);
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>").ConfigureAwait(false);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = PlotlyScript.Locate() }).ConfigureAwait(false);
        return page;
    }

    private Task<IBrowser> BrowserAsync()
    {
        lock (_gate)
        {
            return _browser ??= LaunchAsync();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(_executable))
        {
            throw new FileNotFoundException(
                $"Chromium was not found at '{_executable}'; charts and PDFs are drawn by it. Install Debian's 'chromium' and 'fonts-noto-cjk' " +
                "(scripts/setup-machine.sh does), or set ANALYTICS_CHROMIUM to the browser's path.", _executable);
        }

        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = _executable,
            Headless = true,
            Args = Analytics.Snapshots.Rendering.HeadlessChromium.Arguments,
        }).ConfigureAwait(false);
    }

    private static string DecodeSvg(string dataUrl)
    {
        const string Base64Prefix = "data:image/svg+xml;base64,";
        if (dataUrl.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(dataUrl[Base64Prefix.Length..]));
        }

        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? dataUrl : Uri.UnescapeDataString(dataUrl[(comma + 1)..]);
    }

    private static byte[] DecodePng(string dataUrl)
    {
        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        return Convert.FromBase64String(comma < 0 ? dataUrl : dataUrl[(comma + 1)..]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            // A warm-up may still be in flight: let it finish, then close what it opened.
            await Task.WhenAny((Task?)_chartPage ?? _browser).ConfigureAwait(false);
            await Task.WhenAny(_browser).ConfigureAwait(false);
            if (_browser.IsCompletedSuccessfully)
            {
                await _browser.Result.CloseAsync().ConfigureAwait(false);
            }
        }

        _playwright?.Dispose();
    }
}
