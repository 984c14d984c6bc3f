using Analytics.Notebooks.Rendering;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Interactive;

/// <summary>
/// The snapshot <see cref="Api.Review.Open"/> opened for a .NET Interactive kernel (Polyglot Notebooks), and the browser
/// that draws its charts, started on the first chart. One per process: opening again closes the one before.
/// </summary>
internal sealed class KernelSession : IDisposable
{
    private static readonly Lock Gate = new();
    private static KernelSession? _current;

    private readonly SnapshotSource _snapshot;
    private readonly Lazy<ChromiumRenderer> _renderer = new(() => new ChromiumRenderer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private KernelSession(SnapshotSource snapshot, IReadOnlyDictionary<string, string> parameters)
    {
        _snapshot = snapshot;
        Session = new NotebookSession(snapshot, parameters, Publish);
    }

    public NotebookSession Session { get; }

    public static KernelSession Open(string snapshot, IReadOnlyDictionary<string, string> parameters)
    {
        var source = SnapshotSource.Open(snapshot);
        var opened = new KernelSession(source, parameters);
        lock (Gate)
        {
            var previous = _current;
            _current = opened;
            NotebookSession.Exchange(opened.Session);
            previous?.Dispose();
        }

        return opened;
    }

    public static void Close()
    {
        lock (Gate)
        {
            if (_current is null)
            {
                return;
            }

            NotebookSession.Exchange(null);
            _current.Dispose();
            _current = null;
        }
    }

    /// <summary><c>$ANALYTICS_SNAPSHOT</c>, else <c>data/demo/snapshots</c> of the repository above the current folder or this assembly.</summary>
    public static string DefaultSnapshot()
    {
        if (Environment.GetEnvironmentVariable("ANALYTICS_SNAPSHOT") is { Length: > 0 } configured)
        {
            return configured;
        }

        var starts = new[] { Directory.GetCurrentDirectory(), Path.GetDirectoryName(typeof(KernelSession).Assembly.Location) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
                {
                    return Path.Combine(dir.FullName, "data", "demo", "snapshots");
                }
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "data", "demo", "snapshots");
    }

    private void Publish(CellOutput output)
    {
        switch (output)
        {
            case ChartOutput chart:
                // A cell's code is synchronous; the kernel runs it off any synchronization context, so waiting is safe.
                chart.Image = _renderer.Value.RenderAsync(chart.Figure).GetAwaiter().GetResult();
                KernelDisplay.Show(KernelDisplay.ChartHtml(chart), $"{chart.Figure.Title} ({chart.Figure.PointCount} points)");
                break;
            case HtmlOutput html:
                KernelDisplay.Show(KernelDisplay.TableHtml(html.Html), html.PlainText);
                break;
            case TextOutput text:
                KernelDisplay.Show(null, text.Text);
                break;
            case StreamOutput stream:
                KernelDisplay.Show(null, stream.Text);
                break;
            default:
                throw new InvalidOperationException($"Unknown output {output.GetType().Name}.");
        }
    }

    public void Dispose()
    {
        if (_renderer.IsValueCreated)
        {
            _renderer.Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _snapshot.Dispose();
    }
}
