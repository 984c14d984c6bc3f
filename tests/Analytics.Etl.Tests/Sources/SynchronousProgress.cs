namespace Analytics.Etl.Tests.Sources;

/// <summary>An IProgress that calls back at once on the reporting thread (Progress&lt;T&gt; posts, which races the assertions).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
