using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// The native DuckDB engine this provider is built and tested against. The build copies libduckdb from the npm package
/// pinned in package.json; at first use the provider checks that the library it loaded is that version.
/// </summary>
public static class DuckDbEngine
{
    /// <summary>The DuckDB version pinned in build/DuckDbNative.targets (DuckDB.NET.Bindings.Full 1.5.6.1 carries libduckdb 1.5.6).</summary>
    public const string PinnedVersion = "v1.5.6";

    private static readonly Lazy<string> LoadedVersion = new(LoadAndCheck, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The version string of the loaded library, e.g. <c>v1.5.6</c>; loads and checks it on first call.</summary>
    public static string Version => LoadedVersion.Value;

    /// <summary>Loads libduckdb and checks its version; throws <see cref="DuckDbException"/> with what to do when it fails.</summary>
    public static void EnsureLoaded() => _ = LoadedVersion.Value;

    private static unsafe string LoadAndCheck()
    {
        string? version;
        try
        {
            version = Utf8.FromPointer(NativeMethods.duckdb_library_version());
        }
        catch (DllNotFoundException ex)
        {
            throw new DuckDbException(
                $"The DuckDB engine ({NativeLibraryLoader.FileName}) could not be loaded. Looked in: " +
                string.Join(", ", NativeLibraryLoader.Candidates()) +
                $". Build the project (its build runs 'npm install' and copies the library from node_modules), or set {NativeLibraryLoader.PathVariable} to the library's path.",
                ex);
        }

        if (!string.Equals(version, PinnedVersion, StringComparison.Ordinal))
        {
            throw new DuckDbException(
                $"The DuckDB engine that was loaded is {version ?? "(unknown)"}, but this provider is pinned to {PinnedVersion}. " +
                $"Run 'npm install' at the repository root and rebuild, or point {NativeLibraryLoader.PathVariable} at a {PinnedVersion} library.");
        }

        return version!;
    }
}
