using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Accounts;

/// <summary>The accounts database: Identity's tables and the API tokens, in one SQLite file.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<AnalyticsUser>(options)
{
    /// <summary>Personal API tokens.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>(token =>
        {
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.Prefix);
            token.Property(t => t.Label).HasMaxLength(200);
        });
        builder.Entity<AnalyticsUser>().Property(u => u.District).HasMaxLength(6);
    }
}
