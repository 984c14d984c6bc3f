// The overview's first render in Chromium: for each page, a fresh browser context (empty cache) navigates and waits
// for the load event (server render, CSS, plotly and the sparklines' script), five times; prints the first time (the
// app's first render of that page, in a browser already started) and the median. Prints figures, asserts nothing (issue 5's goal: under 1 s).
//   dotnet run -c Release --project tests/Analytics.Dashboard.Benchmarks/FirstRender -- http://127.0.0.1:5080
using System.Diagnostics;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
string[] pages = ["/?plan=CQ2013&lang=zh", "/?plan=YY2020&lang=zh", "/?plan=CQ2013&lang=en"];
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
// Chromium's own start-up (its first page, fonts) is not the dashboard's render: warm it on the trivial endpoint.
await using (var warm = await browser.NewContextAsync())
{
    await (await warm.NewPageAsync()).GotoAsync(baseUrl + "/api/ping");
}

foreach (var path in pages)
{
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Load });
        times.Add(clock.Elapsed.TotalMilliseconds);
        if (response is not { Ok: true })
        {
            Console.Error.WriteLine($"{path}: HTTP {response?.Status}");
            return 1;
        }
    }

    var sorted = times.Order().ToList();
    Console.WriteLine($"overview {path,-24} first {times[0],6:F0} ms   median {sorted[2],6:F0} ms   (navigation to load, new context each time)");
}

return 0;
