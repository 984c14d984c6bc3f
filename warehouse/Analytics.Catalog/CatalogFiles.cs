using System.Reflection;

namespace Analytics.Catalog;

/// <summary>The catalog's CSV files, embedded in this assembly (<c>Analytics.Catalog/&lt;name&gt;.csv</c> in the repository).</summary>
public static class CatalogFiles
{
    private const string Prefix = "Analytics.Catalog.";
    private static readonly Assembly Assembly = typeof(CatalogFiles).Assembly;

    /// <summary>The text of the catalog file <paramref name="name"/>, e.g. <c>indicators.csv</c>.</summary>
    /// <exception cref="FileNotFoundException">No such file is embedded.</exception>
    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name) ?? throw new FileNotFoundException(
            $"The catalog has no file '{name}' (warehouse/Analytics.Catalog/*.csv are embedded in {Assembly.GetName().Name}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
