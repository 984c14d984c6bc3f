using Analytics.Warehouse.Disclosure;
using FsCheck;
using FsCheck.Fluent;

namespace Analytics.Warehouse.Tests.Disclosure;

/// <summary>
/// Secondary suppression against an audit of its own: random tables with totals along every dimension and random
/// primary cells; after the step, no withheld cell is determined by the published cells through any combination of
/// the sums the API serves (checked here by rank, a computation that shares nothing with the step's elimination).
/// </summary>
public sealed class ComplementarySuppressionTests
{
    /// <summary>A random table: parts per dimension, leaf values, which cells are primary.</summary>
    public sealed record Table(int Districts, int Groups, int Sizes, int[] Leaves, bool[] Primary)
    {
        public override string ToString() => $"{Districts}×{Groups}×{Sizes} leaves [{string.Join(",", Leaves)}] primary [{string.Join("", Primary.Select(p => p ? '1' : '0'))}]";
    }

    private static Gen<Table> Tables =>
        from d in Gen.Choose(1, 5)
        from g in Gen.Choose(1, 4)
        from s in Gen.Choose(1, 3)
        from leaves in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 60))), d * g * s)
        from primary in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), (d + 1) * (g + 1) * (s + 1))
        select new Table(d, g, s, leaves, primary);

    /// <summary>The table's cells with every total (coordinate <c>ALL</c>), each the sum of its parts.</summary>
    private static List<SuppressionCell> Cells(Table t)
    {
        static string Code(string prefix, int i, int n) => i == n ? "ALL" : prefix + i;
        var cells = new List<SuppressionCell>();
        var k = 0;
        for (var d = 0; d <= t.Districts; d++)
        {
            for (var g = 0; g <= t.Groups; g++)
            {
                for (var s = 0; s <= t.Sizes; s++)
                {
                    double sum = 0;
                    for (var dd = 0; dd < t.Districts; dd++)
                    {
                        for (var gg = 0; gg < t.Groups; gg++)
                        {
                            for (var ss = 0; ss < t.Sizes; ss++)
                            {
                                if ((d == t.Districts || d == dd) && (g == t.Groups || g == gg) && (s == t.Sizes || s == ss))
                                {
                                    sum += t.Leaves[(dd * t.Groups + gg) * t.Sizes + ss];
                                }
                            }
                        }
                    }

                    cells.Add(new SuppressionCell(Code("D", d, t.Districts), Code("G", g, t.Groups), Code("S", s, t.Sizes), sum, t.Primary[k++]));
                }
            }
        }

        return cells;
    }

    [Fact]
    public void No_withheld_cell_can_be_derived_from_the_published_sums()
    {
        Prop.ForAll(Tables.ToArbitrary(), table =>
        {
            var cells = Cells(table);
            var withheld = ComplementarySuppression.Complements(cells).Concat(Enumerable.Range(0, cells.Count).Where(i => cells[i].Withheld)).ToHashSet();
            return Enumerable.Range(0, cells.Count).Where(i => cells[i].Withheld).All(withheld.Contains)
                && withheld.All(i => !Derivable(cells, withheld, i))
                && (withheld.Count == 0 || withheld.Count >= 2);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void No_district_official_can_derive_another_districts_withheld_cell_from_their_own()
    {
        Prop.ForAll(Tables.ToArbitrary(), table =>
        {
            var cells = Cells(table);
            var withheld = ComplementarySuppression.Complements(cells).Concat(Enumerable.Range(0, cells.Count).Where(i => cells[i].Withheld)).ToHashSet();
            // With one district, its cells are the city's totals: its official sees them by right.
            return table.Districts == 1 || cells.Select(c => c.District).Where(d => d != "ALL").Distinct().All(district =>
            {
                // The official sees their own district's cells: to them, only the others are withheld.
                var hidden = withheld.Where(i => cells[i].District != district).ToHashSet();
                return hidden.All(i => !Derivable(cells, hidden, i));
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_complement_that_protects_a_district_from_the_public_does_not_give_it_to_its_neighbours_official()
    {
        // A (2) is primary; B, the smallest positive, protects it from the public — but A's official, knowing A,
        // would get B from the total. So a third district is withheld too, and neither official learns the other's.
        var cells = new List<SuppressionCell>
        {
            new("A", "ALL", "ALL", 2, true), new("B", "ALL", "ALL", 10, false), new("C", "ALL", "ALL", 30, false),
            new("D", "ALL", "ALL", 50, false), new("ALL", "ALL", "ALL", 92, false),
        };
        var withheld = ComplementarySuppression.Complements(cells).Append(0).ToHashSet();

        Assert.Equal([0, 1, 2], withheld.Order());
        Assert.Empty(ComplementarySuppression.Complements(cells, insiders: false).Except([1]));
        foreach (var district in new[] { "A", "B", "C", "D" })
        {
            Assert.Empty(ComplementarySuppression.Disclosed(cells, withheld, district));
        }

        Assert.Equal([1], ComplementarySuppression.Disclosed(cells, new HashSet<int> { 0, 1 }, "A"));
    }

    [Fact]
    public void A_district_official_learns_nothing_in_the_table_the_property_once_found()
    {
        // Found by the property above (5 districts × 3 groups × 3 sizes, 13 primary cells): D4·G2·S2 ended with every
        // cell of its three lines withheld, and D2's official could still compute it through a chain of other lines, so
        // no complement on its own lines could help; the complement has to come from further along that chain.
        var leaves = new[] { 4, 43, 20, 27, 48, 52, 0, 4, 13, 0, 23, 44, 11, 3, 54, 12, 28, 44, 58, 40, 7, 28, 0, 6, 5, 30, 22, 59, 19, 28, 28, 0, 0, 17, 23, 15, 48, 53, 1, 35, 42, 16, 54, 38, 0 };
        var primary = "000000100001000000010000100000000001001000000000000001010000000000000100001000010100100000000000".Select(c => c == '1').ToArray();
        var cells = Cells(new Table(5, 3, 3, leaves, primary));
        var withheld = ComplementarySuppression.Complements(cells).Concat(Enumerable.Range(0, cells.Count).Where(i => cells[i].Withheld)).ToHashSet();

        Assert.Null(ComplementarySuppression.FirstDisclosure(cells, withheld));
        foreach (var district in cells.Select(c => c.District).Where(d => d != "ALL").Distinct())
        {
            var hidden = withheld.Where(i => cells[i].District != district).ToHashSet();
            Assert.DoesNotContain(hidden, i => Derivable(cells, hidden, i));
        }
    }

    [Fact]
    public void A_table_without_primary_cells_withholds_nothing()
    {
        var cells = Cells(new Table(3, 2, 2, Enumerable.Range(1, 12).ToArray(), new bool[4 * 3 * 3]));
        Assert.Empty(ComplementarySuppression.Complements(cells));
    }

    [Fact]
    public void The_one_hidden_district_of_the_issue_gets_a_complement_that_is_not_a_zero()
    {
        // 临湘市 (2) hidden, the others 60, 40 and 0, total 102: a zero complement would leave 2 exact.
        var cells = new List<SuppressionCell>
        {
            new("A", "ALL", "ALL", 60, false), new("B", "ALL", "ALL", 40, false), new("C", "ALL", "ALL", 0, false),
            new("LX", "ALL", "ALL", 2, true), new("ALL", "ALL", "ALL", 102, false),
        };
        var added = ComplementarySuppression.Complements(cells, insiders: false);
        Assert.Equal([1], added.Order());
        Assert.Empty(ComplementarySuppression.Disclosed(cells, added.Append(3).ToHashSet()));
    }

    /// <summary>Whether cell <paramref name="i"/> is fixed by the published cells: e_i lies in the span of the equations' withheld parts (rank test).</summary>
    private static bool Derivable(List<SuppressionCell> cells, HashSet<int> withheld, int i)
    {
        var unknowns = withheld.Order().ToList();
        var equations = new List<double[]>();
        foreach (var (parts, total) in Equations(cells))
        {
            var row = new double[unknowns.Count];
            foreach (var p in parts.Where(withheld.Contains))
            {
                row[unknowns.IndexOf(p)] = 1;
            }

            if (withheld.Contains(total))
            {
                row[unknowns.IndexOf(total)] = -1;
            }

            if (row.Any(v => v != 0))
            {
                equations.Add(row);
            }
        }

        var unit = new double[unknowns.Count];
        unit[unknowns.IndexOf(i)] = 1;
        return Rank(equations) == Rank([.. equations, unit]);
    }

    /// <summary>Every sum the API can serve: a total and its parts along one dimension.</summary>
    private static IEnumerable<(List<int> Parts, int Total)> Equations(List<SuppressionCell> cells)
    {
        var at = cells.Select((c, i) => (c, i)).ToDictionary(x => (x.c.District, x.c.Group, x.c.Size), x => x.i);
        foreach (var (c, i) in cells.Select((c, i) => (c, i)))
        {
            if (c.District == "ALL")
            {
                yield return (cells.Select((x, j) => (x, j)).Where(x => x.x.District != "ALL" && x.x.Group == c.Group && x.x.Size == c.Size).Select(x => x.j).ToList(), i);
            }

            if (c.Group == "ALL")
            {
                yield return (cells.Select((x, j) => (x, j)).Where(x => x.x.Group != "ALL" && x.x.District == c.District && x.x.Size == c.Size).Select(x => x.j).ToList(), i);
            }

            if (c.Size == "ALL")
            {
                yield return (cells.Select((x, j) => (x, j)).Where(x => x.x.Size != "ALL" && x.x.District == c.District && x.x.Group == c.Group).Select(x => x.j).ToList(), i);
            }
        }
    }

    private static int Rank(List<double[]> input)
    {
        var m = input.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        var columns = m.Count == 0 ? 0 : m[0].Length;
        for (var c = 0; c < columns; c++)
        {
            var p = m.FindIndex(rank, r => Math.Abs(r[c]) > 1e-9);
            if (p < 0)
            {
                continue;
            }

            (m[rank], m[p]) = (m[p], m[rank]);
            for (var r = rank + 1; r < m.Count; r++)
            {
                var f = m[r][c] / m[rank][c];
                for (var j = c; j < columns; j++)
                {
                    m[r][j] -= f * m[rank][j];
                }
            }

            rank++;
        }

        return rank;
    }
}
