using Analytics.Notebooks.Charts;

namespace Analytics.Notebooks.Running;

/// <summary>What a cell showed, in order: text, console output, an HTML fragment, or a chart.</summary>
internal abstract record CellOutput;

/// <summary>Plain text (a displayed value).</summary>
internal sealed record TextOutput(string Text) : CellOutput;

/// <summary>What the cell wrote to the console.</summary>
internal sealed record StreamOutput(string Text) : CellOutput;

/// <summary>An HTML fragment (a table) with its plain-text form for viewers without HTML.</summary>
internal sealed record HtmlOutput(string Html, string PlainText) : CellOutput;

/// <summary>A chart; <see cref="Image"/> is set once the renderer has drawn it.</summary>
internal sealed record ChartOutput(Figure Figure, int Number) : CellOutput
{
    public RenderedChart? Image { get; set; }

    /// <summary>The chart's file name without extension: <c>NN-&lt;name&gt;</c>.</summary>
    public string FileStem => $"{Number:00}-{Figure.Name}";
}

/// <summary>A chart drawn by the browser: the SVG markup and the PNG bytes.</summary>
internal sealed record RenderedChart(string Svg, byte[] Png);
