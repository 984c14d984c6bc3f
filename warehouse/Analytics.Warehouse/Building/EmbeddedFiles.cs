using System.Reflection;

namespace Analytics.Warehouse.Building;

/// <summary>
/// The SQL files embedded in this assembly (resource names <c>Analytics.Warehouse.Sql.&lt;path&gt;</c>, the path keeping
/// its folder separators), and the catalog's files from Analytics.Catalog.
/// </summary>
internal static class EmbeddedFiles
{
    private const string SqlPrefix = "Analytics.Warehouse.Sql.";
    private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    /// <summary>Every SQL file under <c>Sql/</c> (paths like <c>marts/dim_plan.sql</c>), in path order.</summary>
    public static IReadOnlyList<string> SqlFiles() => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(SqlPrefix, StringComparison.Ordinal))
        .Select(n => Normalise(n[SqlPrefix.Length..]))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The text of <c>Sql/&lt;path&gt;</c>, e.g. <c>indicators/yy_poling.sql</c>.</summary>
    public static string Sql(string path) => Read(SqlPrefix, path);

    /// <summary>The text of the catalog file <paramref name="name"/>, e.g. <c>indicators.csv</c>.</summary>
    public static string Catalog(string name) => Analytics.Catalog.CatalogFiles.Read(name);

    /// <summary>Whether <c>Sql/&lt;path&gt;</c> is embedded.</summary>
    public static bool HasSql(string path) => Find(SqlPrefix, path) is not null;

    private static string Read(string prefix, string path)
    {
        var name = Find(prefix, path) ?? throw new FileNotFoundException(
            $"'{prefix}{path}' is not embedded in {Assembly.GetName().Name}; add the file under the project's Sql/ folder.");
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string? Find(string prefix, string path) => Assembly.GetManifestResourceNames()
        .FirstOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal) && Normalise(n[prefix.Length..]) == Normalise(path));

    private static string Normalise(string path) => path.Replace('\\', '/');
}
