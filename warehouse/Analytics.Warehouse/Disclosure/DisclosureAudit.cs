namespace Analytics.Warehouse.Disclosure;

/// <summary>A line of a table: cells equal but in one coordinate, its total last.</summary>
internal sealed record Line(int[] Members, int Total);

/// <summary>
/// Which withheld cells the published ones determine: per connected group of withheld cells (sharing lines), the
/// lines' coefficients over those cells in reduced row echelon form; a row with one non-zero entry determines its cell.
/// The same reduction answers for a district's official, who also knows that district's withheld cells: knowing them
/// moves their columns to the constants, so the official's system is the reduced one with those columns deleted, and
/// only the rows whose pivot was deleted need reducing again — a few rows, not the whole system once per district.
/// </summary>
internal sealed class DisclosureAudit
{
    private const double Zero = 1e-9;
    private readonly IReadOnlyList<SuppressionCell> _cells;
    private readonly List<Component> _components = [];

    public DisclosureAudit(IReadOnlyList<SuppressionCell> cells, IReadOnlyList<Line> lines, bool[] withheld)
    {
        _cells = cells;
        var parent = Enumerable.Range(0, cells.Count).ToArray();
        var used = new List<Line>();
        foreach (var line in lines)
        {
            var unknown = line.Members.Where(m => withheld[m]).ToArray();
            if (unknown.Length == 0)
            {
                continue;
            }

            used.Add(line);
            foreach (var u in unknown.Skip(1))
            {
                parent[Find(parent, u)] = Find(parent, unknown[0]);
            }
        }

        var columnOf = new Dictionary<int, int>();
        var groups = Enumerable.Range(0, cells.Count).Where(i => withheld[i]).GroupBy(i => Find(parent, i)).Select(g => g.ToArray()).ToList();
        var componentOf = new Dictionary<int, int>();
        foreach (var (members, k) in groups.Select((g, k) => (g, k)))
        {
            for (var c = 0; c < members.Length; c++)
            {
                columnOf[members[c]] = c;
                componentOf[members[c]] = k;
            }
        }

        var rows = groups.Select(_ => new List<double[]>()).ToList();
        foreach (var line in used)
        {
            var first = line.Members.First(m => withheld[m]);
            var k = componentOf[first];
            var row = new double[groups[k].Length];
            foreach (var m in line.Members.Where(m => withheld[m]))
            {
                row[columnOf[m]] = m == line.Total ? -1 : 1;
            }

            rows[k].Add(row);
        }

        for (var k = 0; k < groups.Count; k++)
        {
            _components.Add(new Component(groups[k], Reduce(rows[k], groups[k].Length)));
        }
    }

    /// <summary>The withheld cells anyone can compute from the published ones.</summary>
    public List<int> Disclosed()
    {
        var disclosed = _components.SelectMany(c => Determined(c.Rows).Select(col => c.Cells[col])).ToList();
        disclosed.Sort();
        return disclosed;
    }

    /// <summary>The withheld cells outside <paramref name="district"/> its official can compute, knowing its own.</summary>
    public List<int> DisclosedTo(string district)
    {
        var disclosed = new List<int>();
        foreach (var component in _components)
        {
            var known = new bool[component.Cells.Length];
            var any = false;
            for (var c = 0; c < known.Length; c++)
            {
                known[c] = _cells[component.Cells[c]].District == district;
                any |= known[c];
            }

            if (any)
            {
                disclosed.AddRange(Determined(Without(component.Rows, known)).Select(col => component.Cells[col]));
            }
        }

        disclosed.Sort();
        return disclosed;
    }

    private sealed record Component(int[] Cells, List<Row> Rows);

    /// <summary>A row of the reduced system and its pivot column.</summary>
    private sealed record Row(double[] Values, int Pivot);

    /// <summary>Gauss–Jordan elimination with partial pivoting: the non-zero rows in reduced row echelon form.</summary>
    private static List<Row> Reduce(List<double[]> input, int columns)
    {
        var rows = input;
        var reduced = new List<Row>();
        var r = 0;
        for (var c = 0; c < columns && r < rows.Count; c++)
        {
            var pivot = -1;
            var size = Zero;
            for (var i = r; i < rows.Count; i++)
            {
                if (Math.Abs(rows[i][c]) > size)
                {
                    size = Math.Abs(rows[i][c]);
                    pivot = i;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            (rows[r], rows[pivot]) = (rows[pivot], rows[r]);
            Normalise(rows[r], c);
            for (var i = 0; i < rows.Count; i++)
            {
                if (i != r)
                {
                    Eliminate(rows[i], rows[r], c);
                }
            }

            reduced.Add(new Row(rows[r], c));
            r++;
        }

        return reduced;
    }

    /// <summary>
    /// The reduced system with the <paramref name="known"/> columns set to zero (moved to the constants), reduced
    /// again: rows that kept their pivot are still reduced against every kept pivot; the rows that lost theirs are
    /// reduced among themselves and their new pivots eliminated from the others.
    /// </summary>
    private static List<Row> Without(List<Row> reduced, bool[] known)
    {
        var kept = new List<Row>();
        var orphans = new List<double[]>();
        foreach (var row in reduced)
        {
            var values = (double[])row.Values.Clone();
            for (var c = 0; c < known.Length; c++)
            {
                if (known[c])
                {
                    values[c] = 0;
                }
            }

            if (known[row.Pivot])
            {
                orphans.Add(values);
            }
            else
            {
                kept.Add(row with { Values = values });
            }
        }

        var pivots = kept.Select(k => k.Pivot).ToHashSet();
        var fresh = new List<Row>();
        foreach (var orphan in orphans)
        {
            foreach (var f in fresh)
            {
                Eliminate(orphan, f.Values, f.Pivot);
            }

            var pivot = -1;
            var size = Zero;
            for (var c = 0; c < orphan.Length; c++)
            {
                if (!pivots.Contains(c) && Math.Abs(orphan[c]) > size)
                {
                    size = Math.Abs(orphan[c]);
                    pivot = c;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            Normalise(orphan, pivot);
            foreach (var f in fresh)
            {
                Eliminate(f.Values, orphan, pivot);
            }

            fresh.Add(new Row(orphan, pivot));
            pivots.Add(pivot);
        }

        foreach (var f in fresh)
        {
            foreach (var k in kept)
            {
                Eliminate(k.Values, f.Values, f.Pivot);
            }
        }

        return [.. kept, .. fresh];
    }

    /// <summary>The columns a row determines alone: its only non-zero entry.</summary>
    private static IEnumerable<int> Determined(List<Row> rows) =>
        rows.Where(r => r.Values.Count(v => Math.Abs(v) > Zero) == 1).Select(r => r.Pivot);

    private static void Normalise(double[] row, int pivot)
    {
        var p = row[pivot];
        for (var j = 0; j < row.Length; j++)
        {
            row[j] /= p;
        }
    }

    private static void Eliminate(double[] row, double[] by, int pivot)
    {
        var f = row[pivot];
        if (Math.Abs(f) <= Zero)
        {
            return;
        }

        for (var j = 0; j < row.Length; j++)
        {
            row[j] -= f * by[j];
        }

        row[pivot] = 0;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
