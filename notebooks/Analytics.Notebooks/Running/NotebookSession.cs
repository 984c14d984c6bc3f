using Analytics.Notebooks.Charts;

namespace Analytics.Notebooks.Running;

/// <summary>The state of one run the notebook API reaches: the snapshot, the parameters, what each cell showed.</summary>
internal sealed class NotebookSession
{
    private readonly List<CellOutput> _current = [];
    private readonly HashSet<string> _shownIndicators = new(StringComparer.Ordinal);
    private readonly List<string> _shownOrder = [];
    private int _charts;

    public NotebookSession(SnapshotSource snapshot, IReadOnlyDictionary<string, string> parameters)
    {
        Snapshot = snapshot;
        Parameters = parameters;
    }

    public SnapshotSource Snapshot { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The report title a cell set (e.g. naming the district of a brief), or null for the notebook's own.</summary>
    public string? Title { get; set; }

    /// <summary>The indicators shown so far (tables with an indicator_id column, charts, <c>Indicator(id)</c>), first-seen order.</summary>
    public IReadOnlyList<string> ShownIndicators => _shownOrder;

    public void Add(CellOutput output) => _current.Add(output);

    public ChartOutput AddChart(Figure figure)
    {
        var chart = new ChartOutput(figure, ++_charts);
        _current.Add(chart);
        foreach (var id in figure.IndicatorIds)
        {
            MarkShown(id);
        }

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
