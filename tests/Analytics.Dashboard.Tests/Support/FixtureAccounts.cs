using Analytics.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboard.Tests.Support;

/// <summary>The fixture's accounts: one per role, named after it, all with <see cref="Password"/>, each with an API token.</summary>
public static class FixtureAccounts
{
    /// <summary>The fixture's district official serves 渝中区: the hand-written snapshot puts a small cell there, and the product snapshot has one too.</summary>
    public const string OfficialDistrict = "500103";

    /// <summary>Every fixture account's password.</summary>
    public const string Password = "Fixture-Pass-2024!";

    /// <summary>Name, role and district of each account.</summary>
    public static IReadOnlyList<(string Name, string Role, string? District)> All { get; } =
        [("viewer", Roles.Viewer, null), ("district", Roles.District, OfficialDistrict), ("analyst", Roles.Analyst, null), ("admin", Roles.Admin, null)];

    /// <summary>Creates the accounts database at <paramref name="database"/>; returns each role's API token.</summary>
    public static IReadOnlyDictionary<string, string> Create(string database)
    {
        var tokens = new Dictionary<string, string>();
        using (var services = AccountsSetup.Standalone(database))
        using (var scope = services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
            foreach (var (name, role, district) in All)
            {
                store.AddAsync(name, role, district, Password).GetAwaiter().GetResult();
                tokens[role] = store.CreateTokenAsync(name, "tests", TimeSpan.FromDays(1)).GetAwaiter().GetResult();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return tokens;
    }
}
