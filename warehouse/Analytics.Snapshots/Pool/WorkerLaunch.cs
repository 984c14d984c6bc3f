using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Analytics.Snapshots.Worker;

namespace Analytics.Snapshots.Pool;

/// <summary>How a worker process is started: the same .NET runtime as this process, the worker program, a small environment.</summary>
internal static class WorkerLaunch
{
    /// <summary>The worker program's file name.</summary>
    public const string WorkerFileName = "analytics-sql-worker.dll";

    /// <summary>The worker program to start (<paramref name="configured"/>, else beside the running program).</summary>
    public static string WorkerPath(string? configured)
    {
        var path = Path.GetFullPath(configured ?? Path.Combine(AppContext.BaseDirectory, WorkerFileName));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The SQL worker program '{path}' is missing. It is built with the dashboard and the analytics command (warehouse/Analytics.SqlWorker); rebuild, or set the worker path.", path);
    }

    /// <summary>
    /// The start of one worker. The environment is rebuilt rather than inherited, so that nothing the server holds in
    /// its environment (connection strings, secrets) is in the process that runs untrusted SQL.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workerPath, WorkerSettings settings)
    {
        var root = DotnetRoot();
        var start = new ProcessStartInfo(Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = settings.TempDirectory,
        };
        var runtimeConfig = Path.ChangeExtension(workerPath, ".runtimeconfig.json");
        start.ArgumentList.Add("exec");
        if (!File.Exists(runtimeConfig))
        {
            // Copied beside a referencing program without its own runtimeconfig: borrow the host program's.
            runtimeConfig = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.runtimeconfig.json").FirstOrDefault()
                ?? throw new FileNotFoundException($"No runtimeconfig.json beside '{workerPath}' or in '{AppContext.BaseDirectory}'.");
        }

        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(runtimeConfig);
        start.ArgumentList.Add(workerPath);
        start.ArgumentList.Add(JsonSerializer.Serialize(settings, WorkerJson.Default.WorkerSettings));

        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TEMP", "TMP", "SystemRoot", "USERPROFILE" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["DOTNET_ROOT"] = root;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // A GC heap limit bounds the worker's managed memory, and makes the runtime reserve a few GB of address space
        // instead of ~50 GB before the worker caps it (see ProcessLimits).
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ManagedHeapBytes(settings.ProcessMemoryMB).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";

        // glibc reserves 64 MB of address space per thread arena; two arenas keep that inside the cap's headroom.
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return start;
    }

    /// <summary>The share of a worker's memory budget that is .NET's heap (a third; the rest is DuckDB's, see <see cref="ProcessLimits"/>).</summary>
    public static long ManagedHeapBytes(long processMemoryMB) => Math.Max(64, processMemoryMB / 3) * 1024 * 1024;

    /// <summary>The folder of the .NET installation running this process (it holds the <c>dotnet</c> host).</summary>
    private static string DotnetRoot()
    {
        // …/shared/Microsoft.NETCore.App/<version>/ → …
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (File.Exists(Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")))
        {
            return root;
        }

        return Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"Cannot find the dotnet host near the runtime '{runtime}'; set DOTNET_ROOT.");
    }
}
