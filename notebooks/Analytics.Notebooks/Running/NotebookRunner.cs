using Analytics.Notebooks.Api;
using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Output;
using Analytics.Notebooks.Rendering;
using Analytics.Notebooks.Report;

namespace Analytics.Notebooks.Running;

/// <summary>
/// Runs a notebook headless: its C# cells in order against a snapshot, then writes the executed notebook, every chart
/// (SVG and PNG), the HTML report and, when asked, the PDF brief — all or nothing: a failing cell writes nothing.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebook; a failing cell throws <see cref="NotebookCellException"/> and nothing is written.</summary>
    /// <exception cref="NotebookCellException">A cell did not compile or threw.</exception>
    /// <exception cref="NotebookParameterException">A parameter was given that the notebook does not declare, or is malformed.</exception>
    public static async Task<NotebookRunResult> RunAsync(NotebookRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var notebookPath = Path.GetFullPath(options.NotebookPath);
        var notebook = NotebookDocument.Load(notebookPath);
        var name = Path.GetFileName(notebookPath);
        var parameters = NotebookParameters.Resolve(notebook, options.Parameters, name);

        using var snapshot = SnapshotSource.Open(options.SnapshotPath);
        var session = new NotebookSession(snapshot, parameters);
        NotebookSession.Enter(session);
        var scripts = new CellScripts();
        await using var renderer = new ChromiumRenderer(options.ChromiumPath);
        if (options.Pdf || notebook.Cells.Any(c => c.IsCode && !c.IsSetup && c.Source.Contains("Chart(", StringComparison.Ordinal)))
        {
            renderer.WarmUp();
        }

        var executed = new List<ExecutedCell>();
        var codeNumber = 0;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cell = notebook.Cells[i];
            // The setup cell loads the API into a kernel (#r, using static, Open()); here the runner has done all that.
            if (!cell.IsCode || cell.IsSetup)
            {
                executed.Add(new ExecutedCell(cell, null, []));
                continue;
            }

            codeNumber++;
            options.Progress?.Report($"cell {i + 1} (code cell {codeNumber})");
            var outputs = await RunCellAsync(scripts, session, renderer, cell.Source, name, i + 1, codeNumber, cancellationToken).ConfigureAwait(false);
            executed.Add(new ExecutedCell(cell, codeNumber, outputs));
        }

        var definitions = snapshot.Definitions(session.ShownIndicators);
        var report = new HtmlReport(notebook, name, snapshot.Summary, parameters, executed, definitions, session.Title);
        var html = report.ToHtml();
        byte[]? pdf = null;
        if (options.Pdf)
        {
            options.Progress?.Report("printing the PDF brief");
            pdf = await renderer.PrintAsync(html, PdfTemplates.Header(report.Title), PdfTemplates.Footer(snapshot.Summary))
                .ConfigureAwait(false);
        }

        var folder = OutputFolder.For(options.OutputRoot, notebookPath, options.Parameters);
        var files = new RunFiles(Path.GetFileNameWithoutExtension(notebookPath), ExecutedNotebook.Build(notebook, executed), html, pdf, executed);
        return OutputFolder.Commit(folder, files, codeNumber, options.Progress);
    }

    private static async Task<IReadOnlyList<CellOutput>> RunCellAsync(
        CellScripts scripts, NotebookSession session, ChromiumRenderer renderer, string code, string notebook, int cellNumber, int codeNumber,
        CancellationToken cancellationToken)
    {
        (object? Value, string? Error, Exception? Exception) run;
        string console;
        using (var capture = ConsoleCapture.Begin())
        {
            run = await scripts.RunAsync(code, cellNumber, cancellationToken).ConfigureAwait(false);
            console = capture.Text;
        }

        if (run.Error is not null)
        {
            session.TakeOutputs();
            throw new NotebookCellException(notebook, cellNumber, codeNumber, run.Error, run.Exception);
        }

        var outputs = new List<CellOutput>();
        if (console.Length > 0)
        {
            outputs.Add(new StreamOutput(console));
        }

        if (run.Value is not null)
        {
            Review.Display(run.Value);
        }

        outputs.AddRange(session.TakeOutputs());
        foreach (var chart in outputs.OfType<ChartOutput>())
        {
            try
            {
                chart.Image = await renderer.RenderAsync(chart.Figure).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new NotebookCellException(notebook, cellNumber, codeNumber, $"chart '{chart.Figure.Title}' could not be drawn: {ex.Message}", ex);
            }
        }

        return outputs;
    }
}
