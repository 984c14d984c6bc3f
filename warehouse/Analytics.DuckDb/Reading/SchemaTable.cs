using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;

namespace Analytics.DuckDb.Reading;

/// <summary>The result of <see cref="DbDataReader.GetSchemaTable"/> for a DuckDB result.</summary>
internal static partial class SchemaTable
{
    public static DataTable For(string[] names, ColumnReader[] readers)
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add(SchemaTableColumn.ProviderType, typeof(int));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsKey, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsUnique, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsLong, typeof(bool));
        table.Columns.Add(SchemaTableColumn.BaseColumnName, typeof(string));
        table.Columns.Add("DataTypeName", typeof(string));
        for (var i = 0; i < readers.Length; i++)
        {
            var reader = readers[i];
            var row = table.NewRow();
            row[SchemaTableColumn.ColumnName] = names[i];
            row[SchemaTableColumn.ColumnOrdinal] = i;
            row[SchemaTableColumn.ColumnSize] = -1;
            var match = DecimalPattern().Match(reader.TypeName);
            row[SchemaTableColumn.NumericPrecision] = match.Success ? short.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            row[SchemaTableColumn.NumericScale] = match.Success ? short.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            row[SchemaTableColumn.DataType] = reader.FieldType;
            row[SchemaTableColumn.ProviderType] = (int)reader.DuckDbType;
            row[SchemaTableColumn.AllowDBNull] = true;
            row[SchemaTableColumn.IsKey] = false;
            row[SchemaTableColumn.IsUnique] = false;
            row[SchemaTableColumn.IsLong] = reader.DuckDbType is Native.DuckDbType.Blob or Native.DuckDbType.VarChar;
            row[SchemaTableColumn.BaseColumnName] = names[i];
            row["DataTypeName"] = reader.TypeName;
            table.Rows.Add(row);
        }

        return table;
    }

    [GeneratedRegex(@"^DECIMAL\((\d+),(\d+)\)$")]
    private static partial Regex DecimalPattern();
}
