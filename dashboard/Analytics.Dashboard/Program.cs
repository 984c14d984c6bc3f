using Analytics.Accounts;
using Analytics.Dashboard;
using Analytics.Dashboard.Accounts;
using Analytics.Dashboard.Api;
using Analytics.Dashboard.Components;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Exports;
using Analytics.Dashboard.Localization;
using Analytics.Dashboard.Replicas;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.SqlConsole;

var builder = WebApplication.CreateBuilder(args);

// Serve the build's static web assets (the scoped-CSS bundle) in every environment, not only Development: the
// README's run command starts the built app in Production.
builder.WebHost.UseStaticWebAssets();

builder.Services.Configure<AnalyticsOptions>(builder.Configuration.GetSection(AnalyticsOptions.Section));
builder.Services.AddSingleton<SnapshotSource>();
builder.Services.AddHostedService<SnapshotWatcher>();
builder.Services.AddScoped<Warehouse>();
builder.Services.AddHttpContextAccessor();
builder.AddDashboardAccounts();
builder.AddReplicaSupport();
Analytics.Dashboard.Subscriptions.SubscriptionsSetup.AddSubscriptions(builder);
builder.Services.AddScoped<Analytics.Dashboard.Presentation.RenderTarget>();
builder.Services.AddScoped(services => services.GetRequiredService<Analytics.Dashboard.Presentation.RenderTarget>().Disclosure ?? Disclosure.Of(services.GetRequiredService<IHttpContextAccessor>()));
builder.Services.AddScoped<UiContext>();
builder.Services.AddSingleton<SqlConsoleRunner>();
builder.Services.AddSingleton<Analytics.Dashboard.Admin.TargetRevisions>();
builder.Services.AddSingleton<PagePrinter>();
builder.Services.Configure<Analytics.Delivery.DeliveryOptions>(builder.Configuration.GetSection(Analytics.Delivery.DeliveryOptions.Section));
builder.Services.AddHostedService<Analytics.Dashboard.Delivery.DeliveryService>();
builder.Services.AddSingleton<Analytics.Dashboard.Presentation.FragmentCache>();
builder.Services.AddErrorPages();
builder.Services.AddDashboardCompression();
builder.Services.AddOpenApi(ApiReference.Describe);
builder.Services.AddAntiforgery();
// Chinese text as UTF-8, not numeric entities: the default encoder escapes everything outside Basic Latin, which made
// a Chinese page's HTML three times its text (218 KB for the overview) and cost the renderer time on every character.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents();

var app = builder.Build();
AccountsSetup.EnsureCreated(app.Services);

app.UseForwardedHeaders();
app.UseResponseCompression();
app.UseErrorPages();
app.UseSecurityHeaders();
app.UseRequestCulture();
app.UseAuthentication();
if (app.Configuration.GetValue<bool>(AccountsOptions.Section + ":AnonymousViewer"))
{
    app.UseMiddleware<AnonymousViewerMiddleware>();
}

app.UseMiddleware<AccessAuditMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.UseMiddleware<SqlRequestGate>();

// Static assets, precompressed at build, fingerprinted names cached for a year, served to anyone (the login page needs
// its styles). appsettings' ReloadStaticAssetsAtRuntime=false: the README runs the build output, whose manifest would
// otherwise be served in development mode (no caching, and this runtime sends every compressed file stored uncompressed).
app.MapStaticAssets().AllowAnonymous();
app.MapHealth();
app.MapAccounts();
app.MapOpenApi();
app.MapApiReference();
app.MapPlans();
app.MapIndicators();
app.MapExports();
app.MapDimensions();
app.MapDataStatus();
app.MapSqlConsole();
app.MapPagePdf();
Analytics.Dashboard.Subscriptions.SubscriptionEndpoints.MapSubscriptions(app);
app.MapRazorComponents<App>().RequireAuthorization(Policies.Reader);

app.Lifetime.ApplicationStarted.Register(() =>
{
    // Start the SQL workers now, so the first console query finds one ready.
    _ = app.Services.GetRequiredService<SqlConsoleRunner>();
    StartupBanner.Print(app);
});
try
{
    app.Run();
}
catch (IOException ex) when (ListenFailure.Describe(ex) is { } line)
{
    Console.Error.WriteLine(line);
    Environment.ExitCode = 1;
}

/// <summary>The web application (public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
