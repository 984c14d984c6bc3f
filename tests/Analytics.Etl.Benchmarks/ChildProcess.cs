using System.Diagnostics;
using System.Reflection;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Runs one measurement in a fresh copy of this program, so its peak memory (VmHWM only ever grows) and its caches
/// are its own.
/// </summary>
internal static class ChildProcess
{
    public static Measurement Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Started as `dotnet Analytics.Etl.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Measurement.FromOutput(output)
            ?? throw new InvalidOperationException(
                $"The child ({string.Join(' ', start.ArgumentList)}) exited with {process.ExitCode} and no result.\n{output}\n{error.Result}");
    }
}
