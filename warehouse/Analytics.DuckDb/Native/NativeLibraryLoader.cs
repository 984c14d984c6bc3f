using System.Reflection;
using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>
/// Finds libduckdb for the <c>[LibraryImport("duckdb")]</c> declarations: an explicit path in
/// <c>ANALYTICS_DUCKDB_LIBRARY</c>, then the application folder (where the build copies it from the NuGet package), then the
/// operating system's own search.
/// </summary>
internal static class NativeLibraryLoader
{
    public const string LibraryName = "duckdb";

    /// <summary>Environment variable that names the library file explicitly.</summary>
    public const string PathVariable = "ANALYTICS_DUCKDB_LIBRARY";

    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
        }
    }

    public static string FileName =>
        OperatingSystem.IsWindows() ? "duckdb.dll" : OperatingSystem.IsMacOS() ? "libduckdb.dylib" : "libduckdb.so";

    /// <summary>The places searched, in order, for error messages.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var list = new List<string>();
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            list.Add(explicitPath);
        }

        list.Add(Path.Combine(AppContext.BaseDirectory, FileName));
        var assemblyDir = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir))
        {
            list.Add(Path.Combine(assemblyDir, FileName));
        }

        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates())
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return NativeLibrary.TryLoad(FileName, assembly, searchPath, out var fallback) ? fallback : IntPtr.Zero;
    }
}
