namespace Analytics.Snapshots.Rendering;

/// <summary>
/// How every part of the product starts headless Chromium (Debian's <c>chromium</c>, driven by Playwright): the
/// dashboard's PDF printer, the notebooks' chart renderer, the browser tests and the first-render benchmark.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>
    /// The flags that make Chromium start and stay quiet on a server: no sandbox (it runs as root in containers), no
    /// GPU, no background network chatter, updates, sync or first-run pages, no QUIC on loopback.
    /// </summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    /// <summary>The browser: <paramref name="configured"/>, else <c>$ANALYTICS_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string Executable(string? configured = null) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : Environment.GetEnvironmentVariable("ANALYTICS_CHROMIUM") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "/usr/bin/chromium";
}
