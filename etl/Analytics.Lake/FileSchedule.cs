using System.Runtime.ExceptionServices;

namespace Analytics.Lake;

/// <summary>
/// Runs the loads of a batch's files so that what can be seen is what loading them one after another, in order, gives.
/// The files read whole (a workbook, a file too small to split: each read on one thread) go first, several at a time,
/// each on a thread of its own, the largest first (so a large file does not begin last and run alone); then the others
/// one after another on the calling thread, each split by the reader over every core.
/// </summary>
/// <remarks>
/// Results come back in file order. If files fail, the first failing file in order is the one whose exception is
/// thrown, as it would have been met first one after another: every file before it still runs to its end, and a file
/// after it is not begun once it has failed (one already running finishes; its rows are discarded with the batch).
/// Before each file the token is checked and <c>beginning</c> is called, on the calling thread; the token is checked
/// once more after the last, so a load cancelled while its files are read is cancelled however many were begun. With
/// a parallelism of 1 every file runs on the calling thread in order.
/// </remarks>
internal static class FileSchedule
{
    public static List<T> Run<T>(int count, Func<int, bool> readsWhole, Func<int, long> size, int parallelism, Action<int> beginning, Func<int, T> load, CancellationToken token)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        var failed = count; // the first failing file so far (count: none)
        if (parallelism > 1)
        {
            var largestFirst = Enumerable.Range(0, count).Where(readsWhole).OrderByDescending(size).ToList(); // a stable sort: equal sizes in order
            RunWholeFiles(largestFirst, parallelism, beginning, load, results, errors, ref failed, token);
        }

        for (var i = 0; i < failed; i++)
        {
            if (parallelism > 1 && readsWhole(i))
            {
                continue;
            }

            token.ThrowIfCancellationRequested();
            beginning(i);
            results[i] = load(i); // an exception here is the first: every file before it has loaded
        }

        if (failed < count)
        {
            ExceptionDispatchInfo.Capture(errors[failed]!).Throw();
        }

        token.ThrowIfCancellationRequested(); // cancelled while files ran (several at a time, all may have begun)
        return [.. results];
    }

    // The files read whole, in the order given, up to `parallelism` at a time; returns when every one begun has ended.
    private static void RunWholeFiles<T>(
        List<int> order, int parallelism, Action<int> beginning, Func<int, T> load, T[] results, Exception?[] errors, ref int failed, CancellationToken token)
    {
        var first = failed;
        var running = new List<Task>();
        using var slots = new SemaphoreSlim(parallelism);
        try
        {
            foreach (var i in order)
            {
                slots.Wait(token);
                if (i > Volatile.Read(ref first))
                {
                    slots.Release();
                    continue; // after a failed file: not begun (a file before it still is)
                }

                beginning(i);
                var file = i;
                running.Add(Task.Factory.StartNew(
                    () =>
                    {
                        try
                        {
                            results[file] = load(file);
                        }
                        catch (Exception ex)
                        {
                            errors[file] = ex;
                            int seen;
                            while (file < (seen = Volatile.Read(ref first)) && Interlocked.CompareExchange(ref first, file, seen) != seen)
                            {
                            }
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            }
        }
        finally
        {
            // The tasks catch their own exceptions; none may outlive the staging database they write to.
            Task.WaitAll([.. running], CancellationToken.None);
        }

        failed = first;
    }
}
