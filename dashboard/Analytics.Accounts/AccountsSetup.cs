using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Accounts;

/// <summary>
/// The accounts database and the rules of accounts, the same for the dashboard and <c>analytics users</c>: the SQLite
/// file, the password policy and the lockout.
/// </summary>
public static class AccountsSetup
{
    /// <summary>Bad passwords in a row before an account is locked.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>The password and lockout policy (a government network's usual one: 12 characters of four kinds).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Password.RequiredUniqueChars = 6;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The connection string of the accounts file (created with its folder when missing).</summary>
    public static string ConnectionString(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>Registers the accounts database and Identity's stores with <paramref name="services"/> (the dashboard adds its sign-in on top).</summary>
    public static IServiceCollection AddAccountsDatabase(this IServiceCollection services, string databasePath)
    {
        var connection = ConnectionString(databasePath);
        services.AddDbContext<AccountsDbContext>(o => o.UseSqlite(connection));
        return services;
    }

    /// <summary>Creates the schema when the file is new (the embedded default; see docs/accounts.md for upgrades).</summary>
    public static void EnsureCreated(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    /// <summary>
    /// A service provider for programs without a host of their own (<c>analytics users</c>): the database, Identity's
    /// user and role managers with the policy above, and the account store.
    /// </summary>
    public static ServiceProvider Standalone(string databasePath)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAccountsDatabase(databasePath);
        services.AddIdentityCore<AnalyticsUser>(ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<AccountsDbContext>();
        services.AddScoped<AccountStore>();
        var provider = services.BuildServiceProvider();
        EnsureCreated(provider);
        return provider;
    }
}
