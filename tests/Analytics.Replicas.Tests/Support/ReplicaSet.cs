using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.TestSupport;
using Analytics.Warehouse;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Replicas.Tests.Support;

/// <summary>
/// Deployed as docs/deployment.md says, in a temporary folder: <c>snapshots/</c> (a copy of the product-made snapshot
/// folder, published into by <see cref="Publish"/>), <c>accounts/accounts.db</c>, <c>keys/</c> (data protection),
/// <c>logs/</c> (access and SQL audit logs), N dashboard processes sharing all of them, and nginx in front.
/// </summary>
internal sealed class ReplicaSet : IAsyncDisposable
{
    private readonly List<DashboardReplica> _replicas;
    private readonly IReadOnlyDictionary<string, string> _tokens;

    private ReplicaSet(string root, List<DashboardReplica> replicas, Nginx nginx, IReadOnlyDictionary<string, string> tokens)
    {
        Root = root;
        _replicas = replicas;
        Nginx = nginx;
        _tokens = tokens;
    }

    public string Root { get; }

    public string Snapshots => Path.Combine(Root, "snapshots");

    public string AccessLog => Path.Combine(Root, "logs", "access-audit.jsonl");

    public Nginx Nginx { get; }

    public IReadOnlyList<DashboardReplica> Replicas => _replicas;

    public string Token(string role) => _tokens[role];

    public static async Task<ReplicaSet> StartAsync(int count, params string[] extraSettings)
    {
        var root = Path.Combine(Path.GetTempPath(), "analytics-replicas-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        SnapshotFactory.CopyFolder(Path.Combine(root, "snapshots"));
        Directory.CreateDirectory(Path.Combine(root, "accounts"));
        var tokens = ReplicaAccounts.Create(Path.Combine(root, "accounts", "accounts.db"));
        string[] settings =
        [
            $"--Analytics:Snapshots={root}/snapshots",
            $"--Analytics:Accounts:Database={root}/accounts/accounts.db",
            $"--Analytics:Accounts:AccessLog={root}/logs/access-audit.jsonl",
            $"--Analytics:SqlConsole:AuditLog={root}/logs/sql-audit.jsonl",
            $"--Analytics:Replica:DataProtectionKeys={root}/keys",
            "--Analytics:RefreshSeconds=0.5",
            "--Logging:LogLevel:Default=Warning",
            .. extraSettings,
        ];
        var replicas = Enumerable.Range(0, count).Select(i => new DashboardReplica(Ports.Free(), Path.Combine(root, $"replica-{i}.log"), settings)).ToList();
        try
        {
            // Started together, as systemd starts them: the first to need a data-protection key makes it, the others read it.
            await Task.WhenAll(replicas.Select(r => r.StartAsync()));
            var nginx = await Nginx.StartAsync(Path.Combine(root, "nginx"), replicas.Select(r => r.Port));
            return new ReplicaSet(root, replicas, nginx, tokens);
        }
        catch
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>A client for <paramref name="url"/> acting as the account of <paramref name="role"/> (its API token).</summary>
    public HttpClient Client(string url, string? role = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        }

        return client;
    }

    /// <summary>
    /// Series addresses to load the dashboard with: every indicator for the city and for each district (filters vary
    /// per request), read from the API.
    /// </summary>
    public async Task<List<string>> SeriesPathsAsync()
    {
        using var client = Client(Nginx.Url, Accounts.Roles.Viewer);
        using var indicators = JsonDocument.Parse(await client.GetStringAsync("/api/indicators"));
        var paths = new List<string>();
        foreach (var indicator in indicators.RootElement.EnumerateArray())
        {
            var id = indicator.GetProperty("id").GetString()!;
            var plan = indicator.GetProperty("plan").GetString()!;
            paths.Add($"/api/indicators/{id}/series");
            using var districts = JsonDocument.Parse(await client.GetStringAsync($"/api/districts?plan={plan}"));
            paths.AddRange(districts.RootElement.EnumerateArray().Take(4).Select(d => $"/api/indicators/{id}/series?district={d.GetProperty("code").GetString()}"));
        }

        return paths;
    }

    /// <summary>
    /// Indicator pages to load the dashboard with: every top-level indicator for the city and for each district, in
    /// Chinese, as the dashboard benchmark (tests/Analytics.Dashboard.Benchmarks/run.sh) lists them.
    /// </summary>
    public async Task<List<string>> IndicatorPagesAsync()
    {
        using var client = Client(Nginx.Url, Accounts.Roles.Viewer);
        using var indicators = JsonDocument.Parse(await client.GetStringAsync("/api/indicators"));
        var paths = new List<string>();
        foreach (var indicator in indicators.RootElement.EnumerateArray())
        {
            if (indicator.TryGetProperty("parentId", out var parent) && parent.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            var id = indicator.GetProperty("id").GetString()!;
            var plan = indicator.GetProperty("plan").GetString()!;
            paths.Add($"/indicator/{id}?lang=zh");
            using var districts = JsonDocument.Parse(await client.GetStringAsync($"/api/districts?plan={plan}"));
            paths.AddRange(districts.RootElement.EnumerateArray().Select(d => $"/indicator/{id}?district={d.GetProperty("code").GetString()}&lang=zh"));
        }

        return paths;
    }

    /// <summary>
    /// Publishes a new snapshot through the real snapshot store (a new file, its seal, the atomic swap of
    /// <c>current.json</c>, pruning past three) whose content is the product-made snapshot's, copied database to
    /// database: a whole build takes 20–30 s on two busy cores, too long for three publishes inside 30 s of load.
    /// Returns the new file.
    /// </summary>
    public string Publish()
    {
        var store = new SnapshotStore(Snapshots, new SnapshotStoreOptions { MemoryLimit = "512MB", Threads = 1 });
        var product = ProductSnapshot.Info;
        return store.Publish(connection =>
        {
            using (var name = connection.CreateCommand())
            {
                name.CommandText = "SELECT current_database()";
                var target = (string)name.ExecuteScalar()!;
                using var copy = connection.CreateCommand();
                copy.CommandText = $"ATTACH '{product.Path.Replace("'", "''", StringComparison.Ordinal)}' AS product (READ_ONLY); COPY FROM DATABASE product TO \"{target}\"; DETACH product";
                copy.ExecuteNonQuery();
            }

            return new BuildResult(product.BatchIds, product.TableRows);
        }).Path;
    }

    /// <summary>Every replica's and nginx's log ends, for a failure message.</summary>
    public string Logs() =>
        string.Join("\n", _replicas.Select(r => $"--- {r.Url} ---\n{r.Tail()}")) + $"\n--- nginx ---\n{(File.Exists(Nginx.ErrorLog) ? File.ReadAllText(Nginx.ErrorLog) : "")}";

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a log still held; the temp folder is cleaned by the system
        }
    }
}
