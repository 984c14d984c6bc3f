using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>
/// The provider factory, for code that is written against <see cref="DbProviderFactory"/>: register it with
/// <c>DbProviderFactories.RegisterFactory("Analytics.DuckDb", DuckDbProviderFactory.Instance)</c>.
/// </summary>
public sealed class DuckDbProviderFactory : DbProviderFactory
{
    /// <summary>The one instance.</summary>
    public static readonly DuckDbProviderFactory Instance = new();

    private DuckDbProviderFactory()
    {
    }

    /// <inheritdoc />
    public override DbConnection CreateConnection() => new DuckDbConnection();

    /// <inheritdoc />
    public override DbCommand CreateCommand() => new DuckDbCommand();

    /// <inheritdoc />
    public override DbParameter CreateParameter() => new DuckDbParameter();

    /// <inheritdoc />
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new DuckDbConnectionStringBuilder();
}
