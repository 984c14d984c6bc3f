using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Analytics.DuckDb;

/// <summary>
/// A value for a <c>$name</c>, <c>$1</c> or <c>?</c> placeholder. The name may be written with or without a
/// <c>$</c>, <c>@</c> or <c>:</c> prefix; an unnamed parameter fills the next free position.
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = "";

    /// <summary>Creates an unnamed parameter with no value.</summary>
    public DuckDbParameter()
    {
    }

    /// <summary>Creates a parameter with a name and a value.</summary>
    public DuckDbParameter(string? name, object? value)
    {
        ParameterName = name ?? "";
        Value = value;
    }

    /// <summary>Creates an unnamed (positional) parameter with a value.</summary>
    public DuckDbParameter(object? value)
    {
        Value = value;
    }

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB has input parameters only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? "";
    }

    /// <summary>The name without its <c>$</c>, <c>@</c> or <c>:</c> prefix, as DuckDB names the placeholder.</summary>
    internal string BareName => _name.TrimStart('$', '@', ':');

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;
}
