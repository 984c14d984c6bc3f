using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Analytics.DuckDb;

/// <summary>
/// Builds DuckDB connection strings: <c>Data Source</c> (a file path or <c>:memory:</c>) plus any DuckDB setting by
/// its own name (<c>access_mode</c>, <c>threads</c>, <c>memory_limit</c>, <c>enable_external_access</c>, …), which is
/// passed to <c>duckdb_set_config</c> when the database is opened.
/// </summary>
[SuppressMessage("Design", "CA1010:Generic interface should also be implemented", Justification = "Derives from ADO.NET's DbConnectionStringBuilder, whose dictionary interface is the non-generic IDictionary; adding ICollection<T> would be API beyond that contract.")]
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    /// <summary>The data source that means a private in-memory database.</summary>
    public const string InMemory = ":memory:";

    private static readonly string[] DataSourceKeys = ["Data Source", "DataSource", "Path", "Database"];

    /// <summary>Creates an empty builder.</summary>
    public DuckDbConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder from a connection string.</summary>
    public DuckDbConnectionStringBuilder(string? connectionString)
    {
        ConnectionString = connectionString ?? "";
    }

    /// <summary>A file path or <c>:memory:</c> (the default).</summary>
    public string DataSource
    {
        get
        {
            foreach (var key in DataSourceKeys)
            {
                if (TryGetValue(key, out var value) && value is not null && value.ToString()!.Length > 0)
                {
                    return value.ToString()!;
                }
            }

            return InMemory;
        }
        set => this["Data Source"] = value;
    }

    /// <summary>DuckDB's <c>access_mode</c>: <c>automatic</c>, <c>read_only</c> or <c>read_write</c>.</summary>
    public string? AccessMode
    {
        get => GetSetting("access_mode");
        set => SetSetting("access_mode", value);
    }

    /// <summary>DuckDB's <c>threads</c>: worker threads for this database.</summary>
    public int? Threads
    {
        get => GetSetting("threads") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;
        set => SetSetting("threads", value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>DuckDB's <c>memory_limit</c>, e.g. <c>2GB</c>.</summary>
    public string? MemoryLimit
    {
        get => GetSetting("memory_limit");
        set => SetSetting("memory_limit", value);
    }

    /// <summary>DuckDB's <c>enable_external_access</c>: false forbids reading or writing files and attaching databases.</summary>
    public bool? EnableExternalAccess
    {
        get => GetSetting("enable_external_access") is { } s ? bool.Parse(s) : null;
        set => SetSetting("enable_external_access", value?.ToString().ToLowerInvariant());
    }

    /// <summary>Whether the data source is an in-memory database.</summary>
    public bool IsInMemory => DataSource.Equals(InMemory, StringComparison.OrdinalIgnoreCase) || DataSource.StartsWith(InMemory, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Every DuckDB setting in the connection string, keyed by DuckDB's own (lower-case, underscore) name:
    /// <c>Access Mode</c> and <c>access_mode</c> are the same setting. In the order DuckDB is given them: by name, except
    /// that the settings which restrict later ones come last (<c>enable_external_access=false</c> makes DuckDB refuse
    /// a <c>temp_directory</c>, and <c>lock_configuration=true</c> refuses everything after it).
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new SortedDictionary<string, string>(SettingOrder.Instance);
        foreach (string key in Keys)
        {
            if (DataSourceKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = this[key]?.ToString();
            if (value is not null)
            {
                settings[SettingName(key)] = value;
            }
        }

        return settings;
    }

    /// <summary>The DuckDB name of a connection-string key: lower case, spaces as underscores.</summary>
    public static string SettingName(string key) => key.Trim().Replace(' ', '_').ToLowerInvariant();

    private string? GetSetting(string name)
    {
        foreach (string key in Keys)
        {
            if (SettingName(key) == name)
            {
                return this[key]?.ToString();
            }
        }

        return null;
    }

    private void SetSetting(string name, string? value)
    {
        foreach (var key in Keys.Cast<string>().Where(k => SettingName(k) == name).ToList())
        {
            Remove(key);
        }

        if (value is not null)
        {
            this[name] = value;
        }
    }
}

/// <summary>Setting names by name, with the restricting settings last (see <see cref="DuckDbConnectionStringBuilder.Settings"/>).</summary>
internal sealed class SettingOrder : IComparer<string>
{
    public static readonly SettingOrder Instance = new();

    private static readonly string[] Last = ["enable_external_access", "lock_configuration"];

    public int Compare(string? x, string? y)
    {
        var rank = Array.IndexOf(Last, x).CompareTo(Array.IndexOf(Last, y));
        return rank != 0 ? rank : string.CompareOrdinal(x, y);
    }
}
