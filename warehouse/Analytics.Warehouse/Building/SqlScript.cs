using Analytics.DuckDb;

namespace Analytics.Warehouse.Building;

/// <summary>
/// Runs one of the warehouse's SQL files. The only substitution is <c>${lake}</c>, the lake's root folder, written
/// inside string literals by the files themselves; it is escaped for a SQL string here. Nothing else is ever spliced
/// into SQL text.
/// </summary>
internal static class SqlScript
{
    /// <summary>The placeholder for the lake root.</summary>
    public const string LakePlaceholder = "${lake}";

    /// <summary>Runs <c>Sql/&lt;path&gt;</c> with the lake root substituted.</summary>
    public static void Run(DuckDbConnection connection, string path, string lakeRoot, CancellationToken cancellationToken)
    {
        var text = Substitute(EmbeddedFiles.Sql(path), lakeRoot);
        using var command = connection.CreateCommand(text);
        try
        {
            command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (DuckDbException ex)
        {
            throw new InvalidOperationException($"Warehouse build step Sql/{path} failed: {ex.Message}", ex);
        }
    }

    /// <summary>The text with <c>${lake}</c> replaced by the root (forward slashes, single quotes doubled).</summary>
    public static string Substitute(string text, string lakeRoot)
    {
        var root = Path.GetFullPath(lakeRoot).Replace('\\', '/').TrimEnd('/');
        return text.Replace(LakePlaceholder, root.Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
