using Analytics.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Replicas.Tests.Support;

/// <summary>The shared accounts database: a viewer and an analyst, each with <see cref="Password"/> and an API token.</summary>
internal static class ReplicaAccounts
{
    public const string Password = "Replicas-Pass-2026!";

    /// <summary>Creates the database; returns each account's API token by role.</summary>
    public static IReadOnlyDictionary<string, string> Create(string database)
    {
        var tokens = new Dictionary<string, string>();
        using (var services = AccountsSetup.Standalone(database))
        using (var scope = services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
            foreach (var role in new[] { Roles.Viewer, Roles.Analyst })
            {
                store.AddAsync(role, role, null, Password).GetAwaiter().GetResult();
                tokens[role] = store.CreateTokenAsync(role, "replicas test", TimeSpan.FromDays(1)).GetAwaiter().GetResult();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return tokens;
    }
}
