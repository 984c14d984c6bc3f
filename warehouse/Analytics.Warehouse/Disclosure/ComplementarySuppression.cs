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
/// row space; such a cell gets a complement on one of its lines as in (1); (3) the same audit for each district's
/// official, who sees their own district's withheld cells: with those known, no other withheld cell may be
/// determined either, and a cell that is gets a complement outside that district. The result is a choice, not an optimum
/// (an optimal pattern is an integer program); it is deterministic: ties go to the smaller coordinates.
/// </remarks>
public static class ComplementarySuppression
{
    private const string All = "ALL";

    /// <summary>The indices of the cells to withhold in addition to those already withheld.</summary>
    /// <param name="cells">The table.</param>
    /// <param name="insiders">Also protect every withheld cell from each district's official, who knows their own district's cells.</param>
    public static IReadOnlySet<int> Complements(IReadOnlyList<SuppressionCell> cells, bool insiders = true)
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
        var districts = insiders ? Insiders(cells) : [];
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

            var audit = new DisclosureAudit(cells, lines, withheld);
            changed = Protect(cells, lines, linesOf, withheld, added, audit.Disclosed(), insider: null);

            // Then each district's official, who knows their own district's withheld cells; the first district that
            // learns something gets its complements, and the audits start again.
            foreach (var district in districts)
            {
                if (changed)
                {
                    break;
                }

                changed = Protect(cells, lines, linesOf, withheld, added, audit.DisclosedTo(district), district);
            }

            if (!changed)
            {
                return added;
            }
        }
    }

    /// <summary>The withheld cells that the published cells and the table's equations determine exactly (none, after <see cref="Complements"/>).</summary>
    public static IReadOnlyList<int> Disclosed(IReadOnlyList<SuppressionCell> cells, IReadOnlySet<int> withheld) =>
        Audit(cells, withheld).Disclosed();

    /// <summary>
    /// The withheld cells that the published cells determine for an official of <paramref name="insider"/>, who also
    /// knows that district's withheld cells (none, after <see cref="Complements"/> with insiders).
    /// </summary>
    public static IReadOnlyList<int> Disclosed(IReadOnlyList<SuppressionCell> cells, IReadOnlySet<int> withheld, string insider) =>
        Audit(cells, withheld).DisclosedTo(insider);

    /// <summary>The first withheld cell anyone, or a district's official, could compute; null when none.</summary>
    public static (int Cell, string? Insider)? FirstDisclosure(IReadOnlyList<SuppressionCell> cells, IReadOnlySet<int> withheld)
    {
        var audit = Audit(cells, withheld);
        if (audit.Disclosed() is { Count: > 0 } seen)
        {
            return (seen[0], null);
        }

        foreach (var district in Insiders(cells))
        {
            if (audit.DisclosedTo(district) is { Count: > 0 } known)
            {
                return (known[0], district);
            }
        }

        return null;
    }

    /// <summary>
    /// The districts whose officials the table must be protected from: all of them — unless there is only one, whose
    /// cells are the city's own totals and are theirs to see.
    /// </summary>
    private static List<string> Insiders(IReadOnlyList<SuppressionCell> cells)
    {
        var districts = cells.Select(c => c.District).Where(d => d != All).Distinct().Order(StringComparer.Ordinal).ToList();
        return districts.Count > 1 ? districts : [];
    }

    private static DisclosureAudit Audit(IReadOnlyList<SuppressionCell> cells, IReadOnlySet<int> withheld)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(withheld);
        return new DisclosureAudit(cells, Lines(cells), Enumerable.Range(0, cells.Count).Select(withheld.Contains).ToArray());
    }

    /// <summary>A complement on one of the lines of each disclosed cell (outside <paramref name="insider"/>'s district); whether any was added.</summary>
    private static bool Protect(
        IReadOnlyList<SuppressionCell> cells, List<Line> lines, List<Line>[] linesOf, bool[] withheld, HashSet<int> added, List<int> disclosed, string? insider)
    {
        var changed = false;
        foreach (var cell in disclosed)
        {
            var pick = linesOf[cell].Select(line => Pick(cells, line, withheld, insider)).FirstOrDefault(p => p is not null)
                ?? (changed ? null : Further(cells, lines, linesOf, withheld, cell, insider));
            if (pick is { } p)
            {
                withheld[p] = true;
                added.Add(p);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// A complement for a disclosed cell whose own lines are withheld throughout (it is determined through a chain of
    /// other lines): the first published cell, in <see cref="Better"/> order, on a line that has a withheld cell, whose
    /// withholding leaves the cell undetermined; failing that the first such cell at all, so that every round withholds
    /// more until the chain is cut (at worst, everything outside <paramref name="insider"/>'s district).
    /// </summary>
    private static int? Further(IReadOnlyList<SuppressionCell> cells, List<Line> lines, List<Line>[] linesOf, bool[] withheld, int cell, string? insider)
    {
        var candidates = Enumerable.Range(0, cells.Count)
            .Where(c => !withheld[c] && cells[c].District != insider && linesOf[c].Any(l => l.Members.Any(m => withheld[m])))
            .Order(Comparer<int>.Create((a, b) => a == b ? 0 : Better(cells[a], cells[b]) ? -1 : 1))
            .ToList();
        foreach (var candidate in candidates)
        {
            withheld[candidate] = true;
            var audit = new DisclosureAudit(cells, lines, withheld);
            var still = (insider is null ? audit.Disclosed() : audit.DisclosedTo(insider)).Contains(cell);
            withheld[candidate] = false;
            if (!still)
            {
                return candidate;
            }
        }

        return candidates.Count > 0 ? candidates[0] : null;
    }

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

    /// <summary>
    /// The complement for a line: the smallest positive published part, else the smallest part, else the total —
    /// never a cell of <paramref name="insider"/>'s district, which its official knows anyway.
    /// </summary>
    private static int? Pick(IReadOnlyList<SuppressionCell> cells, Line line, bool[] withheld, string? insider = null)
    {
        int? best = null;
        foreach (var m in line.Members)
        {
            if (m == line.Total || withheld[m] || cells[m].District == insider)
            {
                continue;
            }

            if (best is null || Better(cells[m], cells[best.Value]))
            {
                best = m;
            }
        }

        return best ?? (withheld[line.Total] || cells[line.Total].District == insider ? null : line.Total);
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
}
