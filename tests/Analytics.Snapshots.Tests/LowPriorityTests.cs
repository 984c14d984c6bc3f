using System.Globalization;
using Analytics.Snapshots;

namespace Analytics.Snapshots.Tests;

public sealed class LowPriorityTests
{
    [Fact]
    public void Lowering_a_thread_sets_its_own_nice_value_and_not_the_process_s()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var before = NiceOf("thread-self");
        if (before >= LowPriority.Nice)
        {
            return; // already as low: nothing to show
        }

        int? lowered = null;
        var ok = false;
        var thread = new Thread(() =>
        {
            ok = LowPriority.LowerCurrentThread();
            lowered = NiceOf("thread-self");
        });
        thread.Start();
        thread.Join();

        Assert.True(ok, "setpriority refused");
        Assert.Equal(LowPriority.Nice, lowered);
        Assert.Equal(before, NiceOf("thread-self"));
    }

    /// <summary>Field 19 of /proc/…/stat: the nice value (fields after the command's closing parenthesis start at 3).</summary>
    private static int NiceOf(string procEntry)
    {
        var stat = File.ReadAllText($"/proc/{procEntry}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }
}
