using Analytics.DuckDb;
using Analytics.Warehouse.Building;

namespace Analytics.Warehouse.Disclosure;

/// <summary>
/// The build's disclosure step, after <c>Sql/marts/mart_indicator.sql</c> has marked the primary cells of confidential
/// indicators: per indicator and year, the complementary cells (<see cref="ComplementarySuppression"/>) become
/// <c>secondary</c>; for a doubling ratio, a cell whose baseline-year cell is withheld is withheld too
/// (<c>baseline</c>: its ratio and the published value would give the baseline away).
/// </summary>
internal static class SuppressionStep
{
    private const string Cells = """
        SELECT m.indicator_id, m.kind, m.year, m.baseline_year, m.district_code, m.industry_group, m.size_class,
               coalesce(m.numerator, m.value, 0) AS amount, m.small_cell
        FROM mart_indicator m JOIN indicator_catalog c USING (indicator_id)
        WHERE c.disclosure = 'confidential'
        ORDER BY m.indicator_id, m.year, m.district_code, m.industry_group, m.size_class
        """;

    private const string Update = """
        UPDATE mart_indicator m SET suppression = w.reason, small_cell = true
        FROM suppression_added w
        WHERE m.indicator_id = w.indicator_id AND m.year = CAST(w.year AS INTEGER) AND m.district_code = w.district_code
          AND m.industry_group = w.industry_group AND m.size_class = w.size_class AND m.suppression IS NULL
        """;

    private sealed record Row(string Indicator, string Kind, int Year, int? BaselineYear, SuppressionCell Cell);

    /// <summary>Adds the secondary and baseline cells to <c>mart_indicator</c>; returns how many.</summary>
    public static int Apply(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        var added = new List<string?[]>();
        foreach (var indicator in Read(connection).GroupBy(r => r.Indicator))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var baseline = indicator.First().Kind == "doubling_ratio" ? indicator.Min(r => r.BaselineYear) : null;
            var withheldAtBaseline = new HashSet<(string, string, string)>();

            // The baseline year first: what it withholds, every later year withholds too.
            foreach (var year in indicator.GroupBy(r => r.Year).OrderBy(y => y.Key == baseline ? 0 : 1).ThenBy(y => y.Key))
            {
                var rows = year.ToList();
                var cells = rows.Select(r => r.Cell with { Withheld = r.Cell.Withheld || (year.Key > baseline && withheldAtBaseline.Contains(Key(r.Cell))) }).ToList();
                var complements = ComplementarySuppression.Complements(cells);
                var withheld = Enumerable.Range(0, cells.Count).Where(i => cells[i].Withheld || complements.Contains(i)).ToHashSet();
                Audit(indicator.Key, year.Key, cells, withheld);

                for (var i = 0; i < cells.Count; i++)
                {
                    var reason = complements.Contains(i) ? "secondary" : cells[i].Withheld && !rows[i].Cell.Withheld ? "baseline" : null;
                    if (reason is not null)
                    {
                        added.Add([indicator.Key, year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[i].District, cells[i].Group, cells[i].Size, reason]);
                    }

                    if (year.Key == baseline && (cells[i].Withheld || complements.Contains(i)))
                    {
                        withheldAtBaseline.Add(Key(cells[i]));
                    }
                }
            }
        }

        RawTableLoader.Load(connection, "suppression_added", ["indicator_id", "year", "district_code", "industry_group", "size_class", "reason"], added);
        using (var update = connection.CreateCommand(Update))
        {
            update.ExecuteNonQuery();
        }

        using (var drop = connection.CreateCommand("DROP TABLE suppression_added"))
        {
            drop.ExecuteNonQuery();
        }

        return added.Count;
    }

    /// <summary>
    /// The step's own check before anything is published: no withheld cell computable from the published ones, by
    /// anyone, nor by a district's official who also sees that district's cells. Not expected to fail (the step stops
    /// only when nothing is disclosed); a build that would publish a recoverable cell stops instead.
    /// </summary>
    private static void Audit(string indicator, int year, List<SuppressionCell> cells, HashSet<int> withheld)
    {
        if (ComplementarySuppression.FirstDisclosure(cells, withheld) is { } found)
        {
            var c = cells[found.Cell];
            var who = found.Insider is { } d ? $"published totals and district {d}'s own cells (its official sees them)" : "published totals";
            throw new InvalidOperationException(
                $"Disclosure control failed for {indicator} {year}: the withheld cell {c.District}/{c.Group}/{c.Size} could be computed from {who}; nothing was published.");
        }
    }

    private static (string, string, string) Key(SuppressionCell c) => (c.District, c.Group, c.Size);

    private static List<Row> Read(DuckDbConnection connection)
    {
        var rows = new List<Row>();
        using var command = connection.CreateCommand(Cells);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                new SuppressionCell(reader.GetString(4), reader.GetString(5), reader.GetString(6), Math.Abs(reader.GetDouble(7)), reader.GetBoolean(8))));
        }

        return rows;
    }
}
