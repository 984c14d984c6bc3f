using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Analytics.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Dashboard.Tests.Support;

/// <summary>
/// The dashboard on its own writable copy of the product-made snapshot (<see cref="ProductSnapshot"/>, through
/// <see cref="SnapshotFactory.CopyFile"/>) in a temporary folder, with a short SQL time limit and a small row cap, and an
/// accounts database holding one account per role (<see cref="Password"/>) with an API token each: <see cref="As"/>
/// gives a client acting as one of them, <c>CreateClient()</c> an anonymous one.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public DashboardFactory()
        : this(SnapshotFactory.CopyFile)
    {
    }

    /// <param name="createSnapshot">Writes the snapshot the dashboard serves to the path it is given; returns that path.</param>
    /// <param name="writesPointer">False when <paramref name="createSnapshot"/> publishes a whole folder, <c>current.json</c> included.</param>
    protected DashboardFactory(Func<string, string> createSnapshot, bool writesPointer = true)
    {
        ArgumentNullException.ThrowIfNull(createSnapshot);
        _writesPointer = writesPointer;
        Folder = TempFolder.Create();
        SnapshotPath = createSnapshot(Path.Combine(Folder, "warehouse-20240102T083000000-0000abcd.duckdb"));
        AuditLog = Path.Combine(Folder, "audit.jsonl");
        AccountsDb = Path.Combine(Folder, "accounts.db");
        AccessLog = Path.Combine(Folder, "access-audit.jsonl");
        _tokens = AccountsTemplate.CopyTo(AccountsDb);
    }

    /// <summary>Every fixture account's password.</summary>
    public const string Password = FixtureAccounts.Password;

    private readonly IReadOnlyDictionary<string, string> _tokens;

    private readonly bool _writesPointer;

    public string AccountsDb { get; }

    public string AccessLog { get; }

    /// <summary>The API token of the account of <paramref name="role"/>.</summary>
    public string Token(string role) => _tokens[role];

    /// <summary>A client acting as the account of <paramref name="role"/> (its API token on every request).</summary>
    public HttpClient As(string role, bool allowAutoRedirect = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = allowAutoRedirect });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        return client;
    }

    public string Folder { get; }

    public string SnapshotPath { get; }

    public string AuditLog { get; }

    /// <summary>Further settings, set before the first client.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Set before the first client to serve a snapshot folder instead of the one file.</summary>
    public bool UseFolder { get; init; }

    public const int MaxRows = 50;

    public const double TimeoutSeconds = 1.5;

    public const int MaxCsvRows = 1000;

    public const int MaxCsvBytes = 200_000;

    public const int MaxRequestBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (UseFolder && _writesPointer)
        {
            // A folder serves what its current.json names, as the snapshot store publishes it.
            File.WriteAllText(Path.Combine(Folder, "current.json"), $"{{\"snapshot\": \"{Path.GetFileName(SnapshotPath)}\"}}");
        }

        builder.UseSetting("Analytics:Snapshot", UseFolder ? "" : SnapshotPath);
        builder.UseSetting("Analytics:Snapshots", UseFolder ? Folder : "");
        builder.UseSetting("Analytics:RefreshSeconds", "0.2");
        builder.UseSetting("Analytics:SqlConsole:AuditLog", AuditLog);
        builder.UseSetting("Analytics:SqlConsole:MaxRows", MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Analytics:SqlConsole:TimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Analytics:SqlConsole:MaxCsvRows", MaxCsvRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Analytics:SqlConsole:MaxCsvBytes", MaxCsvBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Analytics:SqlConsole:MemoryLimit", "128MB");
        builder.UseSetting("Analytics:SqlConsole:ProcessMemoryMB", "768");
        builder.UseSetting("Analytics:SqlConsole:MaxRequestBytes", MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Analytics:SqlConsole:TempRoot", Path.Combine(Folder, "sql-workers"));
        // The test server listens nowhere; without this the printer would open appsettings' address (127.0.0.1:5080),
        // which on a developer's machine may be a real dashboard. Port 9 (discard) refuses: the printer answers 502.
        builder.UseSetting("Analytics:Pdf:BaseUrl", "http://127.0.0.1:9");
        builder.UseSetting("Analytics:Accounts:Database", AccountsDb);
        builder.UseSetting("Analytics:Accounts:AccessLog", AccessLog);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A native handle may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
