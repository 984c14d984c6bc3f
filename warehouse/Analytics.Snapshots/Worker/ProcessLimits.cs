using System.Globalization;
using System.Runtime.InteropServices;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// What the worker does to itself at start so that the operating system, not the engine's goodwill, bounds it: it
/// lowers its scheduling priority and caps its address space. Linux only (the pool's resident-memory watchdog covers
/// other systems).
/// </summary>
/// <remarks>
/// <para>Measured here (.NET 10, DuckDB 1.5.6): DuckDB's <c>memory_limit</c> does not cover a single huge value —
/// <c>SELECT repeat('x', 1000000000)</c> peaked at 3.9 GB resident under a 512 MB limit. A cgroup would count resident
/// memory exactly, but needs a writable cgroup hierarchy, which a service account seldom has. <c>RLIMIT_AS</c> needs
/// nothing: the kernel refuses any mapping past it, and DuckDB turns the failed allocation into its own "Out of
/// Memory Error", which the worker reports like any other limit.</para>
/// <para>.NET reserves a large address range at start (51 GB here without a GC limit), so the pool starts workers with
/// <c>DOTNET_GCHeapHardLimit</c> (a third of <see cref="WorkerSettings.ProcessMemoryMB"/>; a few GB reserved then), and
/// the cap is set after warm-up to what the process already maps plus the other two thirds: the headroom, not the
/// total, is the budget, and the managed heap already lies inside what is mapped.</para>
/// </remarks>
internal static partial class ProcessLimits
{
    private const int RlimitAs = 9;
    private const int PrioProcess = 0;

    /// <summary>Lowers this process's scheduling priority to <paramref name="niceness"/> (0–19).</summary>
    public static void LowerPriority(int niceness)
    {
        if (OperatingSystem.IsLinux() && niceness > 0)
        {
            _ = setpriority(PrioProcess, 0, Math.Clamp(niceness, 0, 19));
        }
    }

    /// <summary>Caps the address space at what the process maps now plus <paramref name="headroomMB"/>; returns the cap in bytes, or null when not applied.</summary>
    public static long? CapAddressSpace(long headroomMB)
    {
        if (!OperatingSystem.IsLinux() || headroomMB <= 0 || VirtualSizeBytes() is not { } now)
        {
            return null;
        }

        var cap = (ulong)(now + headroomMB * 1024 * 1024);
        var limit = new RLimit { Current = cap, Maximum = cap };
        return setrlimit(RlimitAs, ref limit) == 0 ? (long)cap : null;
    }

    /// <summary>
    /// Keeps standard output for the protocol alone: returns a stream on a duplicate of file descriptor 1 and points 1
    /// at standard error, so that anything native code prints goes to the log instead of into the protocol.
    /// </summary>
    public static Stream ProtocolOutput()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Console.OpenStandardOutput();
        }

        var protocol = dup(1);
        if (protocol < 0 || dup2(2, 1) < 0)
        {
            return Console.OpenStandardOutput();
        }

        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(protocol, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    /// <summary>The process's mapped address space (VmSize), in bytes.</summary>
    public static long? VirtualSizeBytes() => StatusKilobytes("VmSize:") * 1024;

    /// <summary>The process's resident memory (VmRSS), in bytes.</summary>
    public static long? ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    private static long? StatusKilobytes(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var digits = new string(line.AsSpan(key.Length).Trim().ToString().TakeWhile(char.IsDigit).ToArray());
                return long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb : null;
            }
        }

        return null;
    }

    /// <summary>Ends the process as <c>std::terminate</c> does (SIGABRT from within; a signal sent from outside is taken by .NET's handler).</summary>
    public static void Abort() => abort();

    [LibraryImport("libc")]
    private static partial void abort();

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, ref RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, int who, int priority);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldFd, int newFd);
}
