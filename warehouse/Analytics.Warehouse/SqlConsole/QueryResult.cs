namespace Analytics.Warehouse.SqlConsole;

/// <summary>A column of a query result.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="TypeName">DuckDB's type name, e.g. <c>VARCHAR</c>, <c>DECIMAL(18,4)</c>.</param>
public sealed record ResultColumn(string Name, string TypeName);

/// <summary>What a console query returned: its columns, its rows (nulls as null) and whether the row cap cut it.</summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows, each with one value per column (as the provider reads them: long, decimal, string, DateOnly, …).</param>
/// <param name="Truncated">True when the query had more rows than the cap and only the first <see cref="Rows"/> are here.</param>
/// <param name="Elapsed">Time to run and read the query.</param>
public sealed record QueryResult(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, TimeSpan Elapsed);
