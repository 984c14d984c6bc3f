using System.Diagnostics.CodeAnalysis;
using Analytics.Dashboard.Tests.Support;
using Analytics.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Analytics.Dashboard.BrowserTests.Support;

/// <summary>
/// The dashboard on Kestrel at a free 127.0.0.1 port over a writable copy of the product snapshot
/// (<see cref="ProductSnapshot"/>, through <see cref="SnapshotFactory.CopyFile"/>) with the fixture's accounts, and
/// Debian's Chromium driven by Playwright; <see cref="NewPage"/> signs in through the login page as one of the accounts.
/// What a test expects of the data it reads from the product snapshot (<see cref="ProductCells"/>).
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit owns the fixture's lifetime: IAsyncLifetime.DisposeAsync disposes the app with the browser.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _folder = TempFolder.Create();
    private DashboardApp? _app;
    private IPlaywright? _playwright;

    /// <summary>The file name of the snapshot the dashboard serves, as its pages and PDFs name it.</summary>
    public const string SnapshotName = "warehouse.duckdb";

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots go here (the test output folder).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        var snapshot = SnapshotFactory.CopyFile(Path.Combine(_folder, SnapshotName));
        var accounts = Path.Combine(_folder, "accounts.db");
        FixtureAccounts.Create(accounts);
        _app = new DashboardApp(snapshot, Path.Combine(_folder, "audit.jsonl"), accounts, Path.Combine(_folder, "access-audit.jsonl"));
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Analytics.Snapshots.Rendering.HeadlessChromium.Executable(),
            Args = Analytics.Snapshots.Rendering.HeadlessChromium.Arguments,
        });
    }

    /// <summary>A page in a new browser context, signed in as the fixture account of <paramref name="role"/> (none: signed out).</summary>
    public Task<IPage> NewPage(string? role = Analytics.Accounts.Roles.Viewer) => NewPage(role, 1366, 900);

    /// <summary>A page <paramref name="width"/>×<paramref name="height"/> CSS pixels wide (390×844 is a phone).</summary>
    public async Task<IPage> NewPage(string? role, int width, int height)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        // Generous: a loaded 2-core CI machine once took over 30 s (the default) for a navigation and its charts.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        if (role is not null)
        {
            await SignInAsync(page, FixtureAccounts.All.Single(a => a.Role == role).Name);
        }

        return page;
    }

    /// <summary>Signs in through the login form, as a person would.</summary>
    public async Task SignInAsync(IPage page, string name, string password = FixtureAccounts.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(BaseUrl + "/account/login?lang=zh");
        await page.FillAsync("#login-name", name);
        await page.FillAsync("#login-password", password);
        await Task.WhenAll(page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }), page.ClickAsync("#login-submit"));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        _app?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class DashboardApp(string snapshot, string audit, string accounts, string accessLog) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Analytics:Snapshot", snapshot);
            builder.UseSetting("Analytics:SqlConsole:AuditLog", audit);
            builder.UseSetting("Analytics:Accounts:Database", accounts);
            builder.UseSetting("Analytics:Accounts:AccessLog", accessLog);
            builder.UseSetting("Analytics:TargetRevisions", Path.Combine(Path.GetDirectoryName(accessLog)!, "target-revisions.jsonl"));
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
