// The first render in Chromium of the overview and an indicator page (the one that loads plotly): for each page, a
// fresh browser context (empty cache) navigates and waits for the load event and the charts drawn (server render,
// CSS, plotly and the charts' script), five times, and reads the first contentful paint (text on screen); prints the first time (the app's first render of that page, in a browser already
// started) and the median, and the bytes over the wire (response bodies as sent, compressed or not, plus headers) of
// the cold load and of a second visit in the same context (what the cache saves). Prints figures, asserts nothing
// (issue 5's goal: under 1 s). With a second argument, every load runs on an emulated link of that many Mbit/s down
// (and a quarter of it up) with 40 ms latency, as a district office would see it rather than loopback.
//   dotnet run -c Release --project tests/Analytics.Dashboard.Benchmarks/FirstRender -- http://127.0.0.1:5080 [mbits]
using System.Diagnostics;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
double? mbits = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : null;
string[] pages = ["/?plan=CQ2013&lang=zh", "/?plan=YY2020&lang=zh", "/?plan=CQ2013&lang=en", "/indicator/CQ-IT-ADOPT?district=500101&lang=zh"];
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Analytics.Snapshots.Rendering.HeadlessChromium.Executable(),
    Args = Analytics.Snapshots.Rendering.HeadlessChromium.Arguments,
});
// Chromium's own start-up (its first page, fonts) is not the dashboard's render: warm it on the trivial endpoint.
await using (var warm = await browser.NewContextAsync())
{
    await (await warm.NewPageAsync()).GotoAsync(baseUrl + "/api/ping");
}

foreach (var path in pages)
{
    var times = new List<double>();
    var paints = new List<double>();
    (long Bytes, int Requests) cold = default, again = default;
    for (var i = 0; i < 5; i++)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var wire = await Wire.AttachAsync(context, page, mbits);
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // charts drawn (plotly loads when a page has one)
        times.Add(clock.Elapsed.TotalMilliseconds);
        paints.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"));
        if (response is not { Ok: true })
        {
            Console.Error.WriteLine($"{path}: HTTP {response?.Status}");
            return 1;
        }

        if (i == 0)
        {
            cold = await wire.TakeAsync();
            // A later visit, not a reload (Chromium turns a navigation to the same address into one).
            await page.GotoAsync("about:blank");
            await wire.TakeAsync();
            await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Load });
            again = await wire.TakeAsync();
        }
    }

    var sorted = times.Order().ToList();
    Console.WriteLine($"{path,-48}{(mbits is { } m ? $" at {m} Mbit/s" : "")} first {times[0],6:F0} ms   median {sorted[2],6:F0} ms   (navigation to load and charts drawn, new context each time)");
    Console.WriteLine($"{"",-48} first contentful paint: median {paints.Order().ElementAt(2),6:F0} ms");
    Console.WriteLine($"{"",-48} over the wire: {cold.Bytes,9:N0} B in {cold.Requests} requests (empty cache), {again.Bytes,9:N0} B in {again.Requests} requests (second visit)");
}

return 0;

/// <summary>
/// Bytes the network carried for a page (headers and bodies as sent, compressed or not), from Chromium's own count
/// (<c>Network.loadingFinished.encodedDataLength</c>); a response from the browser's cache carries none. With a rate,
/// the page's network is throttled to it.
/// </summary>
internal sealed class Wire
{
    private long _bytes;
    private int _requests;

    public static async Task<Wire> AttachAsync(IBrowserContext context, IPage page, double? mbits)
    {
        var wire = new Wire();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var bytes = (long)e!.Value.GetProperty("encodedDataLength").GetDouble();
            Interlocked.Add(ref wire._bytes, bytes);
            if (bytes > 0)
            {
                Interlocked.Increment(ref wire._requests);
            }
        };
        if (mbits is { } rate)
        {
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 40, ["downloadThroughput"] = rate * 1e6 / 8, ["uploadThroughput"] = rate * 1e6 / 32,
            });
        }

        return wire;
    }

    /// <summary>The bytes and requests since the last call (after a moment: Chromium's events trail the load event).</summary>
    public async Task<(long Bytes, int Requests)> TakeAsync()
    {
        await Task.Delay(300);
        return (Interlocked.Exchange(ref _bytes, 0), Interlocked.Exchange(ref _requests, 0));
    }
}
