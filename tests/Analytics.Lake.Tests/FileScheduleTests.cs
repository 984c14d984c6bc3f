namespace Analytics.Lake.Tests;

/// <summary>
/// The schedule of a batch's file loads (<see cref="FileSchedule"/>) must look like loading the files one after another:
/// results in order, and the first failing file's exception — every file before it loaded, no file after it begun that
/// one after another would not have begun, except whole files already running.
/// </summary>
public sealed class FileScheduleTests
{
    [Fact]
    public void Whole_files_run_together_then_the_others_one_at_a_time_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        bool[] whole = [true, false, true, true, false];
        var running = 0;
        var most = 0;
        var begun = new List<int>();
        using var bothRunning = new CountdownEvent(2);

        var results = FileSchedule.Run(whole.Length, i => whole[i], _ => 1, 2, i =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            begun.Add(i);
        }, i =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            if (whole[i] && i < 3)
            {
                // The first two whole files wait for each other: they must run at the same time.
                bothRunning.Signal();
                Assert.True(bothRunning.Wait(TimeSpan.FromSeconds(30)));
            }
            else if (!whole[i])
            {
                Assert.Equal(caller, Environment.CurrentManagedThreadId);
                Assert.Equal(1, now);
            }

            Interlocked.Decrement(ref running);
            return i * 10;
        }, CancellationToken.None);

        Assert.Equal([0, 10, 20, 30, 40], results);
        Assert.Equal([0, 2, 3, 1, 4], begun);
        Assert.Equal(2, most);
    }

    [Fact]
    public void Whole_files_begin_largest_first_equal_sizes_in_order()
    {
        long[] sizes = [1, 5, 3, 5, 0];
        var begun = new List<int>();

        var results = FileSchedule.Run(sizes.Length, i => i != 4, i => sizes[i], 2, begun.Add, i => i, CancellationToken.None);

        Assert.Equal([1, 3, 2, 0, 4], begun);
        Assert.Equal([0, 1, 2, 3, 4], results);
    }

    [Fact]
    public void With_one_thread_every_file_runs_in_order_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var order = new List<int>();

        var results = FileSchedule.Run(4, _ => true, i => i, 1, _ => { }, i =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            order.Add(i);
            return i;
        }, CancellationToken.None);

        Assert.Equal([0, 1, 2, 3], order);
        Assert.Equal([0, 1, 2, 3], results);
    }

    // Every mix of whole and other files, and every set of failing files, for four files; timings shuffled.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_first_failing_file_in_order_is_the_error_whatever_fails_sooner(int parallelism)
    {
        const int Count = 4;
        for (var wholeMask = 0; wholeMask < 1 << Count; wholeMask++)
        {
            for (var failMask = 1; failMask < 1 << Count; failMask++)
            {
                var random = new Random((wholeMask * 64) + failMask);
                var delays = Enumerable.Range(0, Count).Select(_ => random.Next(4) * 5_000).ToArray();
                var sizes = Enumerable.Range(0, Count).Select(_ => (long)random.Next(3)).ToArray(); // whole files begin largest first
                var firstFailing = Enumerable.Range(0, Count).First(i => (failMask & (1 << i)) != 0);
                var ended = new bool[Count];
                var begun = new bool[Count];
                bool Whole(int i) => (wholeMask & (1 << i)) != 0;

                var error = Assert.Throws<InvalidOperationException>(() => FileSchedule.Run(Count, Whole, i => sizes[i], parallelism, i => begun[i] = true, i =>
                {
                    Thread.SpinWait(delays[i]);
                    if ((failMask & (1 << i)) != 0)
                    {
                        throw new InvalidOperationException($"file {i}");
                    }

                    ended[i] = true;
                    return i;
                }, CancellationToken.None));

                var mix = $"whole {Convert.ToString(wholeMask, 2)}, failing {Convert.ToString(failMask, 2)}";
                Assert.True(error.Message == $"file {firstFailing}", $"{mix}: got {error.Message}");
                for (var i = 0; i < firstFailing; i++)
                {
                    Assert.True(ended[i], $"{mix}: file {i}, before the first failing file, did not load");
                }

                for (var i = firstFailing + 1; i < Count; i++)
                {
                    // Only a whole file may have begun after the first failing one (it was running when that failed).
                    Assert.True(!begun[i] || (parallelism > 1 && Whole(i)), $"{mix}: file {i}, after the first failing file, was begun");
                }
            }
        }
    }

    [Fact]
    public void A_load_cancelled_while_whole_files_run_is_cancelled_once_they_end()
    {
        using var cancellation = new CancellationTokenSource();
        var ended = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => FileSchedule.Run(2, _ => true, _ => 0, 2, _ => { }, i =>
        {
            cancellation.Cancel();
            Interlocked.Increment(ref ended);
            return i;
        }, cancellation.Token));

        Assert.InRange(ended, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
