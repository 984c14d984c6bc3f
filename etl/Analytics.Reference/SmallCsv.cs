using System.Text;

namespace Analytics.Reference;

/// <summary>
/// Reads the small reference and catalog CSV files the product owns (here and in the warehouse): a header row,
/// comma-separated fields, double quotes around fields that hold commas or quotes (a quote inside is doubled), no line
/// breaks inside fields.
/// </summary>
public static class SmallCsv
{
    /// <summary>The header and the data rows of <paramref name="text"/>; blank lines are skipped, short rows padded with empty fields.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Parse(string text, string sourceName)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).TrimStart('\uFEFF').Split('\n');
        var header = SplitLine(lines[0], sourceName, 1);
        var rows = new List<string[]>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = SplitLine(lines[i], sourceName, i + 1);
            if (fields.Count > header.Count)
            {
                throw new InvalidDataException(
                    $"{sourceName} line {i + 1}: {fields.Count} fields but the header has {header.Count}; quote fields that contain commas.");
            }

            var row = new string[header.Count];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = c < fields.Count ? fields[c] : "";
            }

            rows.Add(row);
        }

        return (header, rows);
    }

    private static List<string> SplitLine(string line, string sourceName, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{sourceName} line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(current.ToString());
        return fields;
    }
}
