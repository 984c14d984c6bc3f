using Analytics.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Accounts.Tests;

/// <summary>The account store on a real SQLite file: the rules of names, roles, districts, passwords and tokens.</summary>
public sealed class AccountStoreTests : IDisposable
{
    private const string Password = "Fixture-Pass-2024!";

    private readonly string _folder = Directory.CreateTempSubdirectory("accounts-").FullName;
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public AccountStoreTests()
    {
        _services = AccountsSetup.Standalone(Path.Combine(_folder, "accounts.db"));
        _scope = _services.CreateScope();
    }

    private AccountStore Store => _scope.ServiceProvider.GetRequiredService<AccountStore>();

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_account_is_stored_with_a_hashed_password_its_role_and_district()
    {
        await Store.AddAsync("bishan", Roles.District, "500120", Password);
        var account = Assert.Single(await Store.ListAsync());
        Assert.Equal(("bishan", Roles.District, "500120", false), (account.Name, account.Role, account.District, account.Disabled));

        var user = await _scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>().FindByNameAsync("bishan");
        Assert.DoesNotContain(Password, user!.PasswordHash!, StringComparison.Ordinal);
        Assert.True(await _scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>().CheckPasswordAsync(user, Password));
    }

    [Theory]
    [InlineData("a", "viewer", null, "short1!A", "at least 12")]
    [InlineData("a", "viewer", null, "alllowercase-long-1", "uppercase")]
    [InlineData("a", "boss", null, null, "'boss' is not a role")]
    [InlineData("a", "district", null, null, "needs the district")]
    [InlineData("a", "district", "5001", null, "not a district code")]
    [InlineData("a", "viewer", "500120", null, "Only a district official")]
    [InlineData("has space", "viewer", null, null, "has space")]
    public async Task A_wrong_account_is_refused_saying_why(string name, string role, string? district, string? password, string expected)
    {
        var ex = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync(name, role, district, password));
        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Store.ListAsync());
    }

    [Fact]
    public async Task A_new_role_replaces_the_old_one_and_its_district_and_its_tokens_act_in_it()
    {
        await Store.AddAsync("zhao", Roles.District, "500120", Password);
        var token = await Store.CreateTokenAsync("zhao", "notebook", TimeSpan.FromDays(1));

        await Store.SetRoleAsync("zhao", Roles.Analyst, null);

        var account = Assert.Single(await Store.ListAsync());
        Assert.Equal((Roles.Analyst, (string?)null), (account.Role, account.District));
        Assert.Equal(Roles.Analyst, (await Store.FindByTokenAsync(token))!.Value.Role);
        await Store.SetRoleAsync("zhao", Roles.District, "430602");
        Assert.Equal("430602", Assert.Single(await Store.ListAsync()).District);
        var ex = await Assert.ThrowsAsync<AccountException>(() => Store.SetRoleAsync("zhao", Roles.District, null));
        Assert.Contains("needs the district", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_disabled_nor_demoted()
    {
        await Store.AddAsync("root", Roles.Admin, null, Password);
        Assert.Contains("last active administrator", (await Assert.ThrowsAsync<AccountException>(() => Store.DisableAsync("root"))).Message, StringComparison.Ordinal);
        Assert.Contains("last active administrator", (await Assert.ThrowsAsync<AccountException>(() => Store.SetRoleAsync("root", Roles.Viewer, null))).Message, StringComparison.Ordinal);

        await Store.AddAsync("second", Roles.Admin, null, Password);
        await Store.DisableAsync("second");
        await Assert.ThrowsAsync<AccountException>(() => Store.DisableAsync("root"));

        await Store.EnableAsync("second");
        await Store.SetRoleAsync("root", Roles.Viewer, null);
        Assert.Equal(Roles.Viewer, (await Store.ListAsync()).Single(a => a.Name == "root").Role);
    }

    [Fact]
    public async Task A_name_is_taken_once()
    {
        await Store.AddAsync("viewer", Roles.Viewer, null, Password);
        var ex = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync("viewer", Roles.Analyst, null, Password));
        Assert.Contains("viewer", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Roles.Viewer, Assert.Single(await Store.ListAsync()).Role);
    }

    [Fact]
    public async Task Generated_passwords_meet_the_policy_and_differ()
    {
        var passwords = Enumerable.Range(0, 20).Select(_ => AccountStore.GeneratePassword()).ToList();
        Assert.Equal(20, passwords.Distinct().Count());
        for (var i = 0; i < 5; i++)
        {
            await Store.AddAsync($"user{i}", Roles.Viewer, null, passwords[i]);
        }

        Assert.Equal(5, (await Store.ListAsync()).Count);
    }

    [Fact]
    public async Task A_token_is_kept_only_as_its_hash_and_finds_its_owner_until_revoked()
    {
        await Store.AddAsync("script", Roles.Analyst, null, Password);
        var token = await Store.CreateTokenAsync("script", "notebook", TimeSpan.FromDays(30));
        Assert.StartsWith(AccountStore.TokenStart, token, StringComparison.Ordinal);

        var db = _scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var stored = Assert.Single(db.ApiTokens);
        Assert.Equal(AccountStore.Hash(token), stored.Hash);
        Assert.DoesNotContain(token, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(token[..11], stored.Prefix);

        var found = await Store.FindByTokenAsync(token);
        Assert.Equal(("script", Roles.Analyst), (found!.Value.User.UserName, found.Value.Role));
        Assert.Equal(1, Assert.Single(await Store.ListAsync()).ActiveTokens);

        await Store.RevokeTokenAsync("script", token[..8]);
        Assert.Null(await Store.FindByTokenAsync(token));
        Assert.NotNull(Assert.Single(await Store.TokensAsync("script")).RevokedAt);
    }

    [Fact]
    public async Task An_expired_token_or_a_disabled_accounts_token_finds_nobody()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var store = new AccountStore(
            _scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>(), _scope.ServiceProvider.GetRequiredService<AccountsDbContext>(), time);
        await store.AddAsync("a", Roles.Viewer, null, Password);
        await store.AddAsync("b", Roles.Viewer, null, Password);
        var expiring = await store.CreateTokenAsync("a", "t", TimeSpan.FromDays(1));
        var disabled = await store.CreateTokenAsync("b", "t", TimeSpan.FromDays(10));
        Assert.NotNull(await store.FindByTokenAsync(expiring));

        time.Now += TimeSpan.FromDays(1);
        Assert.Null(await store.FindByTokenAsync(expiring));

        await store.DisableAsync("b");
        Assert.Null(await store.FindByTokenAsync(disabled));
        Assert.True((await store.ListAsync()).Single(a => a.Name == "b").Disabled);

        await store.EnableAsync("b");
        Assert.NotNull(await store.FindByTokenAsync(disabled));
    }

    [Fact]
    public async Task Revoking_needs_a_token_that_exists_and_is_not_ambiguous()
    {
        await Store.AddAsync("a", Roles.Viewer, null, Password);
        await Store.CreateTokenAsync("a", "one", TimeSpan.FromDays(1));
        await Store.CreateTokenAsync("a", "two", TimeSpan.FromDays(1));
        Assert.Contains("Several", (await Assert.ThrowsAsync<AccountException>(() => Store.RevokeTokenAsync("a", "ak_"))).Message, StringComparison.Ordinal);
        Assert.Contains("no active token", (await Assert.ThrowsAsync<AccountException>(() => Store.RevokeTokenAsync("a", "ak_zzzzzzzz"))).Message, StringComparison.Ordinal);
        Assert.Contains("no account 'ghost'", (await Assert.ThrowsAsync<AccountException>(() => Store.RevokeTokenAsync("ghost", "ak_"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_makes_one_account_per_role_once_and_writes_them_down()
    {
        var file = Path.Combine(_folder, "demo-accounts.txt");
        var text = await DemoAccounts.CreateAsync(Store, file);
        Assert.NotNull(text);
        var lines = File.ReadAllLines(file).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')).ToList();
        Assert.Equal(Roles.All, lines.Select(l => l[2]));
        Assert.Equal(DemoAccounts.DemoDistrict, lines.Single(l => l[2] == Roles.District)[3]);

        var users = _scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>();
        foreach (var line in lines)
        {
            Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync(line[0]))!, line[1]), line[0]);
        }

        Assert.Null(await DemoAccounts.CreateAsync(Store, file));
        Assert.Equal(4, (await Store.ListAsync()).Count);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
