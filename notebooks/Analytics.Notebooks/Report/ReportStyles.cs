namespace Analytics.Notebooks.Report;

/// <summary>The report's stylesheet: readable on screen, and on A4 paper without code, split figures or split rows.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dde3; --accent: #1f5fa8; }
        * { box-sizing: border-box; }
        body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;
               color: var(--ink); max-width: 960px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.6; font-size: 15px; }
        header.report { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        header.report h1 { margin: 0 0 .3rem; font-size: 1.7rem; }
        .meta { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
        h1, h2, h3 { line-height: 1.3; break-after: avoid; }
        h2 { border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
        figure.chart { margin: 1rem 0; break-inside: avoid; }
        figure.chart img { width: 100%; height: auto; border: 1px solid var(--rule); }
        figure.chart figcaption { color: var(--muted); font-size: .8rem; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; }
        table caption { text-align: left; font-weight: 600; padding-bottom: .3rem; break-after: avoid; }
        thead { display: table-header-group; break-inside: avoid; break-after: avoid; }
        th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; }
        th { background: #f3f5f8; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr { break-inside: avoid; }
        .note { color: var(--muted); font-size: .8rem; }
        p.output { white-space: pre-wrap; border-left: 3px solid var(--accent); padding: .2rem .7rem; background: #f3f6fb; }
        pre { background: #f6f8fa; padding: .6rem .8rem; overflow-x: auto; font-size: .8rem; white-space: pre-wrap; }
        details.code { margin: .6rem 0; }
        details.code summary { color: var(--muted); font-size: .8rem; cursor: pointer; }
        blockquote { border-left: 4px solid var(--rule); margin: .8rem 0; padding: .1rem .9rem; color: var(--muted); }
        section.definitions { break-before: page; }
        section.definitions dl { margin: 0 0 1rem; }
        section.definitions dt { font-weight: 600; margin-top: .8rem; }
        section.definitions dd { margin: .1rem 0 0 1rem; font-size: .9rem; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
          details.code { display: none; }
          a { color: inherit; text-decoration: none; }
        }
        """;
}
