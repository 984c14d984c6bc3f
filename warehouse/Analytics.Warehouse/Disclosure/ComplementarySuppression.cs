namespace Analytics.Warehouse.Disclosure;

/// <summary>One cell of an indicator's year: its coordinates (<c>ALL</c> for a total), its published value and whether it is withheld already.</summary>
/// <param name="District">District code or <c>ALL</c>.</param>
/// <param name="Group">Industry group or <c>ALL</c>.</param>
/// <param name="Size">Size class or <c>ALL</c>.</param>
/// <param name="Value">The additive quantity behind the cell (the numerator): what a complement's choice minimises.</param>
/// <param name="Withheld">Withheld before this step (primary, or its baseline withheld).</param>
public readonly record struct SuppressionCell(string District, string Group, string Size, double Value, bool Withheld);

/// <summary>
/// Secondary (complementary) suppression for one indicator and year: the cells form a three-dimensional table with
/// totals (district × industry group × size class, each with <c>ALL</c>), and every line of it — the cells that differ
/// in one coordinate, with their total — is a published equation <c>total = Σ parts</c>. The step withholds further
/// cells until no withheld cell can be computed from the published ones by any combination of those equations.
/// </summary>
/// <remarks>
/// Two passes, repeated until neither adds a cell: (1) a line with exactly one withheld cell gets a second one — the
/// smallest positive part still published (a zero would protect nothing: values are not negative, so the withheld
/// cell's bound would be exact), else the smallest part, else the total; (2) an exact audit by Gaussian elimination
/// over the withheld cells of each connected group of equations: a cell is disclosed when its unit vector lies in the
/// row space; such a cell gets a complement on one of its lines as in (1). The result is a choice, not an optimum
/// (an optimal pattern is an integer program); it is deterministic: ties go to the smaller coordinates.
/// </remarks>
public static class ComplementarySuppression
{
    private const string All = "ALL";

    /// <summary>The indices of the cells to withhold in addition to those already withheld.</summary>
    public static IReadOnlySet<int> Complements(IReadOnlyList<SuppressionCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var lines = Lines(cells);
        var withheld = new bool[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            withheld[i] = cells[i].Withheld;
        }

        var added = new HashSet<int>();
        if (!withheld.Any(w => w))
        {
            return added;
        }

        var linesOf = LinesOfCell(cells.Count, lines);
        while (true)
        {
            var changed = false;
            foreach (var line in lines)
            {
                if (line.Members.Count(m => withheld[m]) == 1 && Pick(cells, line, withheld) is { } pick)
                {
                    withheld[pick] = true;
                    added.Add(pick);
                    changed = true;
                }
            }

            if (changed)
            {
                continue;
            }

            foreach (var disclosed in Disclosed(cells.Count, lines, withheld))
            {
                foreach (var line in linesOf[disclosed])
                {
                    if (Pick(cells, line, withheld) is { } pick)
                    {
                        withheld[pick] = true;
                        added.Add(pick);
                        changed = true;
                        break;
                    }
                }
            }

            if (!changed)
            {
                return added;
            }
        }
    }

    /// <summary>The withheld cells that the published cells and the table's equations determine exactly (none, after <see cref="Complements"/>).</summary>
    public static IReadOnlyList<int> Disclosed(IReadOnlyList<SuppressionCell> cells, IReadOnlySet<int> withheld)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(withheld);
        var flags = Enumerable.Range(0, cells.Count).Select(withheld.Contains).ToArray();
        return Disclosed(cells.Count, Lines(cells), flags);
    }

    /// <summary>A line: cells equal but in one coordinate, its total last.</summary>
    private sealed record Line(int[] Members, int Total);

    private static List<Line> Lines(IReadOnlyList<SuppressionCell> cells)
    {
        var lines = new List<Line>();
        var index = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < cells.Count; i++)
        {
            index[(cells[i].District, cells[i].Group, cells[i].Size)] = i;
        }

        AddLines(cells, index, lines, c => (c.Group, c.Size), c => c.District, (k, x) => (x, k.Item1, k.Item2));
        AddLines(cells, index, lines, c => (c.District, c.Size), c => c.Group, (k, x) => (k.Item1, x, k.Item2));
        AddLines(cells, index, lines, c => (c.District, c.Group), c => c.Size, (k, x) => (k.Item1, k.Item2, x));
        return lines;
    }

    private static void AddLines(
        IReadOnlyList<SuppressionCell> cells, Dictionary<(string, string, string), int> index, List<Line> lines,
        Func<SuppressionCell, (string, string)> fixedPart, Func<SuppressionCell, string> varying, Func<(string, string), string, (string, string, string)> key)
    {
        var parts = new Dictionary<(string, string), List<int>>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (varying(cells[i]) == All)
            {
                continue;
            }

            var k = fixedPart(cells[i]);
            if (!parts.TryGetValue(k, out var list))
            {
                parts[k] = list = [];
            }

            list.Add(i);
        }

        foreach (var (k, members) in parts.OrderBy(p => p.Key))
        {
            if (index.TryGetValue(key(k, All), out var total))
            {
                lines.Add(new Line([.. members, total], total));
            }
        }
    }

    private static List<Line>[] LinesOfCell(int count, List<Line> lines)
    {
        var of = new List<Line>[count];
        for (var i = 0; i < count; i++)
        {
            of[i] = [];
        }

        foreach (var line in lines)
        {
            foreach (var m in line.Members)
            {
                of[m].Add(line);
            }
        }

        return of;
    }

    /// <summary>The complement for a line: the smallest positive published part, else the smallest part, else the total.</summary>
    private static int? Pick(IReadOnlyList<SuppressionCell> cells, Line line, bool[] withheld)
    {
        int? best = null;
        foreach (var m in line.Members)
        {
            if (m == line.Total || withheld[m])
            {
                continue;
            }

            if (best is null || Better(cells[m], cells[best.Value]))
            {
                best = m;
            }
        }

        return best ?? (withheld[line.Total] ? null : line.Total);
    }

    private static bool Better(SuppressionCell a, SuppressionCell b)
    {
        var (pa, pb) = (a.Value > 0, b.Value > 0);
        if (pa != pb)
        {
            return pa;
        }

        if (a.Value != b.Value)
        {
            return a.Value < b.Value;
        }

        return string.CompareOrdinal(a.District + "\u0001" + a.Group + "\u0001" + a.Size, b.District + "\u0001" + b.Group + "\u0001" + b.Size) < 0;
    }

    /// <summary>
    /// The withheld cells determined by the equations: for each connected group of withheld cells (sharing lines),
    /// the lines' coefficients over those cells reduced to row echelon form; a pivot row with one non-zero entry
    /// determines its cell.
    /// </summary>
    private static List<int> Disclosed(int count, List<Line> lines, bool[] withheld)
    {
        var parent = Enumerable.Range(0, count).ToArray();
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

        var disclosed = new List<int>();
        foreach (var component in Enumerable.Range(0, count).Where(i => withheld[i]).GroupBy(i => Find(parent, i)))
        {
            var cellsInComponent = component.ToArray();
            var column = new Dictionary<int, int>();
            for (var c = 0; c < cellsInComponent.Length; c++)
            {
                column[cellsInComponent[c]] = c;
            }

            var rows = new List<double[]>();
            foreach (var line in used.Where(l => l.Members.Any(m => withheld[m] && column.ContainsKey(m))))
            {
                var row = new double[cellsInComponent.Length];
                foreach (var m in line.Members)
                {
                    if (withheld[m] && column.TryGetValue(m, out var c))
                    {
                        row[c] = m == line.Total ? -1 : 1;
                    }
                }

                rows.Add(row);
            }

            foreach (var c in DeterminedColumns(rows, cellsInComponent.Length))
            {
                disclosed.Add(cellsInComponent[c]);
            }
        }

        disclosed.Sort();
        return disclosed;
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

    /// <summary>Gauss–Jordan elimination with partial pivoting; the columns whose unit vector is in the row space.</summary>
    private static List<int> DeterminedColumns(List<double[]> rows, int columns)
    {
        const double Zero = 1e-9;
        var pivotRows = new List<(int Row, int Column)>();
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
            var p = rows[r][c];
            for (var j = 0; j < columns; j++)
            {
                rows[r][j] /= p;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                if (i != r && Math.Abs(rows[i][c]) > Zero)
                {
                    var f = rows[i][c];
                    for (var j = 0; j < columns; j++)
                    {
                        rows[i][j] -= f * rows[r][j];
                    }
                }
            }

            pivotRows.Add((r, c));
            r++;
        }

        return pivotRows.Where(pr => Enumerable.Range(0, columns).Count(j => Math.Abs(rows[pr.Row][j]) > Zero) == 1).Select(pr => pr.Column).ToList();
    }
}
