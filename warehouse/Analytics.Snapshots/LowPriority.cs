using System.Runtime.InteropServices;

namespace Analytics.Snapshots;

/// <summary>
/// Lowers the CPU priority of the calling thread (Linux: its nice value; a thread's own, not the process's). The
/// snapshot watcher's thread runs at <see cref="Nice"/>, so opening and warming a new snapshot takes the CPU the
/// requests leave instead of sharing it with them (on 2 cores at 32 connections, switching every 4 s: the series' p99
/// 17.9 ms at normal priority, 10.8–13.8 ms lowered, 5.5–6.8 ms with no switch; docs/performance.md). Threads the work
/// starts (DuckDB's) inherit it. Raising it back needs privileges, so it is for threads that stay low. Elsewhere than
/// Linux: nothing.
/// </summary>
public static partial class LowPriority
{
    /// <summary>The nice value the watcher runs at (0 normal, 19 lowest), the same as the refresh unit's.</summary>
    public const int Nice = 10;

    /// <summary>Lowers the calling thread; false (and nothing changed) when the system refused or is not Linux.</summary>
    public static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // PRIO_PROCESS with a thread id sets that thread's nice value (Linux keeps it per thread).
        return SetPriority(0, GetThreadId(), Nice) == 0;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
