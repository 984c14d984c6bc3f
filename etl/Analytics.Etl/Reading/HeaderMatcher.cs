using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;

namespace Analytics.Etl.Reading;

/// <summary>Matches header cells to a contract's fields through their aliases (see <see cref="HeaderKey"/>).</summary>
internal sealed class HeaderMatcher
{
    private static readonly string[] AlwaysIgnored = ["序号", "行号", "备注", "说明", "NO", "NO.", "#"];
    private readonly FeedContract contract;
    private readonly Dictionary<string, (int Field, int Rank)> aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> ignored = new(StringComparer.Ordinal);

    public HeaderMatcher(FeedContract contract)
    {
        this.contract = contract;
        for (var f = 0; f < contract.Fields.Count; f++)
        {
            var fieldAliases = contract.Fields[f].Aliases;
            for (var rank = 0; rank < fieldAliases.Count; rank++)
            {
                aliases.TryAdd(HeaderKey.Of(fieldAliases[rank]), (f, rank));
            }
        }

        foreach (var h in AlwaysIgnored.Concat(contract.IgnoredHeaders))
        {
            ignored.Add(HeaderKey.Of(h));
        }
    }

    /// <summary>The field a header names, or -1; <paramref name="unit"/> is the unit text split off, if any.</summary>
    public int Match(string header, out int rank, out string unit)
    {
        var key = HeaderKey.Of(header);
        unit = "";
        if (aliases.TryGetValue(key, out var hit))
        {
            rank = hit.Rank;
            return hit.Field;
        }

        if (HeaderKey.TrySplitUnit(key, out var baseKey, out var unitText) && aliases.TryGetValue(baseKey, out hit))
        {
            rank = hit.Rank;
            unit = unitText;
            return hit.Field;
        }

        rank = int.MaxValue;
        return -1;
    }

    /// <summary>How many distinct fields a candidate header row names (used to find the header below title rows).</summary>
    public int Score(IReadOnlyList<string?> cells)
    {
        Span<bool> seen = stackalloc bool[contract.Fields.Count];
        var score = 0;
        foreach (var cell in cells)
        {
            if (string.IsNullOrWhiteSpace(cell))
            {
                continue;
            }

            var f = Match(cell, out _, out _);
            if (f >= 0 && !seen[f])
            {
                seen[f] = true;
                score++;
            }
        }

        return score;
    }

    /// <summary>
    /// Builds the column map of a header row. Unknown headers and second columns for one field become warnings; a
    /// missing required column or an amount header in an unsupported unit refuses the file.
    /// </summary>
    public ColumnMap Build(IReadOnlyList<string?> cells, string filePath, string? sheet, List<string> warnings)
    {
        var n = contract.Fields.Count;
        var index = new int[n];
        var ranks = new int[n];
        var factors = new decimal[n];
        var headers = new string?[n];
        Array.Fill(index, -1);
        Array.Fill(ranks, int.MaxValue);
        Array.Fill(factors, 1m);
        var where = sheet is null ? "" : $" (sheet '{sheet}')";
        var problems = new List<string>();

        for (var col = 0; col < cells.Count; col++)
        {
            var header = cells[col]?.Trim();
            if (string.IsNullOrEmpty(header))
            {
                continue;
            }

            var field = Match(header, out var rank, out var unit);
            if (field < 0)
            {
                if (!ignored.Contains(HeaderKey.Of(header)))
                {
                    warnings.Add($"unknown column '{header}' (column {col + 1}){where} is not loaded; it stays in the raw text of quarantined rows.");
                }

                continue;
            }

            var factor = 1m;
            if (contract.Fields[field].Type == FieldType.Amount && unit.Length > 0)
            {
                if (!AmountUnits.TryParse(unit, out var amountUnit))
                {
                    problems.Add($"column '{header}' (column {col + 1}) states the unit '{unit}', which is not a money unit the feed accepts (万元, 元, 千元, 亿元)");
                    continue;
                }

                factor = AmountUnits.ToTenThousandYuan(amountUnit);
            }

            if (index[field] >= 0)
            {
                var (keep, drop) = rank < ranks[field] ? (header, headers[field]) : (headers[field], header);
                warnings.Add($"columns '{headers[field]}' and '{header}'{where} both give {contract.Fields[field].Name}; '{keep}' is loaded and '{drop}' is ignored.");
                if (rank >= ranks[field])
                {
                    continue;
                }
            }

            index[field] = col;
            ranks[field] = rank;
            factors[field] = factor;
            headers[field] = header;
        }

        for (var f = 0; f < n; f++)
        {
            var field = contract.Fields[f];
            if (index[f] < 0 && field.RefusesFileWhenAbsent)
            {
                problems.Add($"required column {field.Name} is missing (accepted headers: {string.Join(", ", field.Aliases)})");
            }
        }

        if (problems.Count > 0)
        {
            var found = string.Join(", ", cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => $"'{c}'"));
            throw new ExtractRefusedException(filePath, $"the header{where} cannot be used: {string.Join("; ", problems)}. Headers found: {found}.");
        }

        return new ColumnMap(contract, index, factors, headers, cells.Count);
    }
}
