namespace Analytics.DemoData;

/// <summary>
/// Runs the generator's file jobs on a few worker threads that take them strictly in list order, so the big streams
/// listed first start first (Parallel.For hands each worker its own slice of the range instead, which can leave the
/// largest file to start last).
/// </summary>
internal static class FileJobs
{
    /// <summary>Runs every job; result i is job i's. Cancellation surfaces as <see cref="OperationCanceledException"/>.</summary>
    public static T[] Run<T>(IReadOnlyList<Func<T>> jobs, int maxParallelism, CancellationToken cancellationToken)
    {
        var results = new T[jobs.Count];
        var next = -1;
        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = jobs[i]();
            }
        }

        var workers = Math.Clamp(maxParallelism, 1, Math.Max(1, jobs.Count));
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Factory.StartNew(Work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            // Every worker is waited for even when cancelled, so no job is still writing its file once this returns.
            Task.WaitAll(tasks, CancellationToken.None);
        }
        catch (AggregateException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return results;
    }
}
