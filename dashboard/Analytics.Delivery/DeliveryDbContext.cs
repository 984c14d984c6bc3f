using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Delivery;

/// <summary>
/// The delivery database (SQLite, next to the accounts): subscriptions, the delivery log and the snapshots already
/// looked at. One file shared by every dashboard process of a deployment and by <c>analytics subscriptions</c>.
/// </summary>
public sealed class DeliveryDbContext(DbContextOptions<DeliveryDbContext> options) : DbContext(options)
{
    /// <summary>Subscriptions, active and ended.</summary>
    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    /// <summary>Every delivery decided, with its state.</summary>
    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    /// <summary>The snapshots whose publication has been acted on.</summary>
    public DbSet<SeenSnapshot> SeenSnapshots => Set<SeenSnapshot>();

    /// <summary>A context on the file at <paramref name="databasePath"/>, its schema created when new.</summary>
    public static DeliveryDbContext Open(string databasePath)
    {
        var db = Connect(databasePath);
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        return db;
    }

    /// <summary>A context on the file at <paramref name="databasePath"/>, which <see cref="Open"/> has made before (no schema check: for each request).</summary>
    public static DeliveryDbContext Connect(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        return new DeliveryDbContext(new DbContextOptionsBuilder<DeliveryDbContext>().UseSqlite(connection).Options);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Subscription>(s =>
        {
            s.HasIndex(x => x.UnsubscribeToken).IsUnique();
            s.HasIndex(x => x.UserName);
            s.Property(x => x.UserName).HasMaxLength(256);
            s.Property(x => x.Address).HasMaxLength(1000);
        });
        modelBuilder.Entity<DeliveryRecord>(d =>
        {
            d.HasIndex(x => new { x.SubscriptionId, x.Kind, x.Snapshot }).IsUnique();
            d.HasIndex(x => new { x.State, x.NextAttemptAt });
        });
        modelBuilder.Entity<SeenSnapshot>(s => s.HasKey(x => x.Name));
    }
}

/// <summary>A snapshot whose publication the delivery has acted on (alerts and on-publish briefs decided).</summary>
public sealed class SeenSnapshot
{
    /// <summary>The snapshot's name (<c>warehouse-…</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Its file when it was seen.</summary>
    public string Path { get; set; } = "";

    /// <summary>When it was acted on (UTC).</summary>
    public DateTimeOffset SeenAt { get; set; }
}
