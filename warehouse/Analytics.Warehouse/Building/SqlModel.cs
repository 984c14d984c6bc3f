namespace Analytics.Warehouse.Building;

/// <summary>How a model is kept: a table or view of the warehouse, or a temporary one that exists only during the build.</summary>
internal enum Materialization
{
    /// <summary>A table of the published warehouse.</summary>
    Table,

    /// <summary>A view of the published warehouse.</summary>
    View,

    /// <summary>A temporary table: build scaffolding, gone when the build's connection closes.</summary>
    TempTable,

    /// <summary>A temporary view: build scaffolding, gone when the build's connection closes.</summary>
    TempView,
}

/// <summary>A column's documentation in a model file.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Doc">What it holds (becomes its COMMENT).</param>
internal sealed record ColumnDoc(string Column, string Doc);

/// <summary>
/// One model: a file <c>Sql/&lt;layer&gt;/&lt;name&gt;.sql</c> that makes the table or view <c>name</c>. The file opens with
/// a block comment of settings and docs, then the SELECT (docs/warehouse-models.md):
/// <code>
/// /*
/// materialized: table
/// description: What the table holds, for analysts
///   (continuation lines indented).
/// columns:
///   plan: Plan id (CQ2013, YY2020)
///   year: Reporting year
/// */
/// SELECT …
/// </code>
/// </summary>
/// <param name="Path">The path under <c>Sql/</c>, e.g. <c>marts/dim_plan.sql</c>.</param>
/// <param name="Name">The object it makes: the file name without <c>.sql</c>.</param>
/// <param name="Materialized">How it is kept.</param>
/// <param name="Description">What it holds (the table comment); required for tables and views of the warehouse.</param>
/// <param name="Columns">Column docs in the file's order; required for every column of a table or view of the warehouse.</param>
/// <param name="Body">The SELECT (or WITH … SELECT) that makes it.</param>
internal sealed record SqlModel(
    string Path, string Name, Materialization Materialized, string? Description, IReadOnlyList<ColumnDoc> Columns, string Body)
{
    /// <summary>
    /// <c>columns_from: &lt;model&gt;</c>: the columns carry that model's column docs (a view that passes another
    /// model's columns through, so the two cannot say different things), instead of a <c>columns:</c> list.
    /// </summary>
    public string? ColumnsFrom { get; init; }

    /// <summary>Whether the object outlives the build (a table or view of the published warehouse).</summary>
    public bool IsPublished => Materialized is Materialization.Table or Materialization.View;

    /// <summary>The layer: the folder under <c>Sql/</c> (staging, intermediate, marts).</summary>
    public string Layer => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>Parses a model file; <paramref name="path"/> names it in every error.</summary>
    public static SqlModel Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        text = text.ReplaceLineEndings("\n").TrimStart('\uFEFF');
        var start = text.IndexOf("/*", StringComparison.Ordinal);
        if (start < 0 || text[..start].Trim().Length > 0)
        {
            throw Error(path, 1, "a model file starts with its settings and docs in a /* … */ block (materialized:, description:, columns:)");
        }

        var end = text.IndexOf("*/", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(path, 1, "the opening /* block is never closed");
        }

        var header = text[(start + 2)..end].Split('\n');
        var body = text[(end + 2)..].Trim().TrimEnd(';').Trim();
        var firstBodyLine = text[..(end + 2)].Count(c => c == '\n') + 1;
        if (body.Length == 0)
        {
            throw Error(path, firstBodyLine, "no SELECT after the docs block");
        }

        Materialization? materialized = null;
        string? description = null;
        string? columnsFrom = null;
        var columns = new List<ColumnDoc>();
        string? section = null;
        for (var i = 0; i < header.Length; i++)
        {
            var line = header[i].TrimEnd();
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (indent == 0)
            {
                var (key, value) = Split(path, number, line);
                section = key;
                switch (key)
                {
                    case "materialized":
                        materialized = ParseMaterialization(path, number, value);
                        break;
                    case "description":
                        description = value;
                        break;
                    case "columns_from":
                        columnsFrom = value;
                        break;
                    case "columns":
                        if (value.Length > 0)
                        {
                            throw Error(path, number, "columns: is followed by one indented 'name: doc' line per column");
                        }

                        break;
                    default:
                        throw Error(path, number, $"unknown setting '{key}' (materialized, description, columns, columns_from)");
                }
            }
            else if (section == "description" && description is not null)
            {
                description += " " + line.Trim();
            }
            else if (section == "columns" && indent == 2)
            {
                var (column, doc) = Split(path, number, line.Trim());
                if (columns.Any(c => c.Column == column))
                {
                    throw Error(path, number, $"column '{column}' is documented twice");
                }

                columns.Add(new ColumnDoc(column, doc));
            }
            else if (section == "columns" && indent > 2 && columns.Count > 0)
            {
                columns[^1] = columns[^1] with { Doc = columns[^1].Doc + " " + line.Trim() };
            }
            else
            {
                throw Error(path, number, "an indented line continues description: or a column under columns: (2 spaces), or a column's doc (4 or more)");
            }
        }

        var kind = materialized ?? throw Error(path, 1, "materialized: is missing (table, view, temp table or temp view)");
        var model = new SqlModel(path, name, kind, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), columns, body)
        {
            ColumnsFrom = string.IsNullOrWhiteSpace(columnsFrom) ? null : columnsFrom,
        };
        if (model.ColumnsFrom is not null && columns.Count > 0)
        {
            throw Error(path, 1, "a model has columns: or columns_from:, not both");
        }

        if (model.IsPublished && model.Description is null)
        {
            throw Error(path, 1, "a table or view of the warehouse needs a description: (analysts read it as the table's comment)");
        }

        return model;
    }

    private static (string Key, string Value) Split(string path, int line, string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? throw Error(path, line, $"expected 'name: text', got '{text}'")
            : (text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    private static Materialization ParseMaterialization(string path, int line, string value) => value switch
    {
        "table" => Materialization.Table,
        "view" => Materialization.View,
        "temp table" => Materialization.TempTable,
        "temp view" => Materialization.TempView,
        _ => throw Error(path, line, $"materialized: '{value}' is not table, view, temp table or temp view"),
    };

    private static InvalidDataException Error(string path, int line, string message) =>
        new($"Sql/{path}, line {line}: {message}.");
}
