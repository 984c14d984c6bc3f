using System.Diagnostics;

namespace Analytics.Cli.Tests.Support;

/// <summary>
/// Operating-system conditions the storage tests need: a small tmpfs to fill (root only), and a folder the command may
/// not write (root ignores file modes, so it gets <c>chattr +i</c>; anyone else a read-only mode). Each says why it is
/// unavailable instead of pretending.
/// </summary>
internal static class SmallDisk
{
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> at a new folder; null with the reason when it cannot.</summary>
    public static Mounted? Mount(int kilobytes, out string whyNot)
    {
        whyNot = "";
        if (!IsRoot)
        {
            whyNot = "not root: mounting a small tmpfs needs root (run the tests as root to cover a full disk)";
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), "small-disk-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var (code, errors) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", folder);
        if (code != 0)
        {
            Directory.Delete(folder);
            whyNot = $"mount -t tmpfs failed ({code}): {errors.Trim()}";
            return null;
        }

        return new Mounted(folder);
    }

    /// <summary>Makes <paramref name="folder"/> unwritable for this process; dispose to undo.</summary>
    public static IDisposable Deny(string folder)
    {
        if (IsRoot)
        {
            var (code, errors) = Run("chattr", "+i", folder);
            Assert.True(code == 0, $"chattr +i {folder} failed: {errors}");
            return new Undo(() => Run("chattr", "-i", folder));
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the storage tests deny writes with Unix file modes");
        }

        var mode = File.GetUnixFileMode(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return new Undo(() =>
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, mode);
            }
        });
    }

    /// <summary>Writes into <paramref name="folder"/> until its disk is full.</summary>
    public static void Fill(string folder)
    {
        var block = new byte[4096];
        try
        {
            using var filler = new FileStream(Path.Combine(folder, "filler"), FileMode.Create);
            while (true)
            {
                filler.Write(block);
                filler.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static (int Code, string Errors) Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>A mounted tmpfs; unmounted (lazily, so a file left open does not block it) on dispose.</summary>
    public sealed class Mounted(string folder) : IDisposable
    {
        public string Folder { get; } = folder;

        public void Dispose()
        {
            Run("umount", "-l", Folder);
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
