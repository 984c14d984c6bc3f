using Analytics.Notebooks.Charts;

namespace Analytics.Notebooks.Running;

/// <summary>
/// The state of one run the notebook API (<see cref="Api.Review"/>) reaches: the snapshot, the parameters, what each cell
/// showed. The runner collects each cell's outputs (<see cref="TakeOutputs"/>); a kernel session hands each output to
/// its publisher as it is shown.
/// </summary>
internal sealed class NotebookSession
{
    // The runner's run in progress, per async flow: runs in parallel (tests, a server) each see their own.
    private static readonly AsyncLocal<NotebookSession?> Running = new();

    // The session Review.Open opened for a kernel, whose cells run in flows the runner never entered.
    private static NotebookSession? _opened;

    private readonly List<CellOutput> _current = [];
    private readonly Action<CellOutput>? _publish;
    private readonly HashSet<string> _shownIndicators = new(StringComparer.Ordinal);
    private readonly List<string> _shownOrder = [];
    private int _charts;

    /// <param name="snapshot">The snapshot the cells read.</param>
    /// <param name="parameters">The parameters <c>Param</c> reads.</param>
    /// <param name="publish">Shows each output at once (a kernel); null collects them for <see cref="TakeOutputs"/> (the runner).</param>
    public NotebookSession(SnapshotSource snapshot, IReadOnlyDictionary<string, string> parameters, Action<CellOutput>? publish = null)
    {
        Snapshot = snapshot;
        Parameters = parameters;
        _publish = publish;
    }

    /// <summary>The session the calling cell belongs to: the runner's run in this async flow, else the kernel's.</summary>
    /// <exception cref="InvalidOperationException">Neither: no run is in progress and no snapshot was opened.</exception>
    public static NotebookSession Current => Running.Value ?? Volatile.Read(ref _opened) ?? throw new InvalidOperationException(
        "No snapshot is open. Run the notebook's first cell (it loads Analytics.Notebooks.dll and calls Open(), which opens " +
        "$ANALYTICS_SNAPSHOT or data/demo/snapshots), or run the notebook with 'analytics notebook run'.");

    /// <summary>Makes <paramref name="session"/> the current one for the rest of the calling async method (the runner's run).</summary>
    public static void Enter(NotebookSession session) => Running.Value = session;

    /// <summary>Makes <paramref name="session"/> the one cells outside a run see (a kernel); returns the one it replaces.</summary>
    public static NotebookSession? Exchange(NotebookSession? session) => Interlocked.Exchange(ref _opened, session);

    public SnapshotSource Snapshot { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The report title a cell set (e.g. naming the district of a brief), or null for the notebook's own.</summary>
    public string? Title { get; set; }

    /// <summary>The indicators shown so far (tables with an indicator_id column, charts, <c>Indicator(id)</c>), first-seen order.</summary>
    public IReadOnlyList<string> ShownIndicators => _shownOrder;

    public void Add(CellOutput output)
    {
        if (_publish is not null)
        {
            _publish(output);
        }
        else
        {
            _current.Add(output);
        }
    }

    public ChartOutput AddChart(Figure figure)
    {
        var chart = new ChartOutput(figure, ++_charts);
        foreach (var id in figure.IndicatorIds)
        {
            MarkShown(id);
        }

        Add(chart);
        return chart;
    }

    public void MarkShown(string indicatorId)
    {
        if (_shownIndicators.Add(indicatorId))
        {
            _shownOrder.Add(indicatorId);
        }
    }

    /// <summary>The outputs of the cell that just ran; the next cell starts empty.</summary>
    public IReadOnlyList<CellOutput> TakeOutputs()
    {
        var outputs = _current.ToList();
        _current.Clear();
        return outputs;
    }
}
