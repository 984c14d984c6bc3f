namespace Analytics.Replicas.Tests.Support;

/// <summary>Where the repository and the dashboard's build output are, seen from this test's build output.</summary>
internal static class Repository
{
    /// <summary>The repository's root (the folder holding Analytics.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test was built in (Release or Debug): the dashboard was built in the same.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>The dashboard's content root.</summary>
    public static string DashboardRoot => Path.Combine(Root, "dashboard", "Analytics.Dashboard");

    /// <summary>The dashboard's built assembly.</summary>
    public static string DashboardDll => Path.Combine(DashboardRoot, "bin", Configuration, "net10.0", "Analytics.Dashboard.dll");

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string File(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Analytics.sln) was not found above " + AppContext.BaseDirectory);
    }
}
