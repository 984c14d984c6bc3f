using System.Collections;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// LIST (offset and length into a child vector) and ARRAY (fixed size): read as <c>List&lt;T&gt;</c> of the child's
/// type, nullable for value types (<c>List&lt;int?&gt;</c>), so a NULL element survives.
/// </summary>
internal sealed unsafe class ListReader : ColumnReader
{
    private readonly ColumnReader _child;
    private readonly ulong _arraySize;
    private readonly Type _listType;

    public ListReader(DuckDbType type, string typeName, ColumnReader child, ulong arraySize = 0)
        : base(type, typeName)
    {
        _child = child;
        _arraySize = arraySize;
        var element = child.FieldType.IsValueType ? typeof(Nullable<>).MakeGenericType(child.FieldType) : child.FieldType;
        _listType = typeof(List<>).MakeGenericType(element);
    }

    public override Type FieldType => _listType;

    public override void Reset(nint vector)
    {
        base.Reset(vector);
        _child.Reset(DuckDbType == DuckDbType.Array
            ? NativeMethods.duckdb_array_vector_get_child(vector)
            : NativeMethods.duckdb_list_vector_get_child(vector));
    }

    public override object GetValue(ulong row)
    {
        ulong offset, length;
        if (DuckDbType == DuckDbType.Array)
        {
            offset = row * _arraySize;
            length = _arraySize;
        }
        else
        {
            var entry = ((DuckDbListEntry*)Data)[row];
            offset = entry.Offset;
            length = entry.Length;
        }

        var list = (IList)Activator.CreateInstance(_listType, (int)length)!;
        for (var i = offset; i < offset + length; i++)
        {
            list.Add(_child.IsValid(i) ? _child.GetValue(i) : null);
        }

        return list;
    }
}

/// <summary>STRUCT: one child vector per field, read as a <c>Dictionary&lt;string, object?&gt;</c> in field order.</summary>
internal sealed class StructReader(string typeName, string[] names, ColumnReader[] children)
    : ColumnReader(DuckDbType.Struct, typeName)
{
    public override Type FieldType => typeof(Dictionary<string, object?>);

    public override void Reset(nint vector)
    {
        base.Reset(vector);
        for (var i = 0; i < children.Length; i++)
        {
            children[i].Reset(NativeMethods.duckdb_struct_vector_get_child(vector, (ulong)i));
        }
    }

    public override object GetValue(ulong row)
    {
        var result = new Dictionary<string, object?>(children.Length, StringComparer.Ordinal);
        for (var i = 0; i < children.Length; i++)
        {
            result[names[i]] = children[i].IsValid(row) ? children[i].GetValue(row) : null;
        }

        return result;
    }
}

/// <summary>MAP: a list of (key, value) structs, read as a <c>Dictionary&lt;object, object?&gt;</c>.</summary>
internal sealed unsafe class MapReader(string typeName, ColumnReader key, ColumnReader value) : ColumnReader(DuckDbType.Map, typeName)
{
    public override Type FieldType => typeof(Dictionary<object, object?>);

    public override void Reset(nint vector)
    {
        base.Reset(vector);
        var entries = NativeMethods.duckdb_list_vector_get_child(vector);
        key.Reset(NativeMethods.duckdb_struct_vector_get_child(entries, 0));
        value.Reset(NativeMethods.duckdb_struct_vector_get_child(entries, 1));
    }

    public override object GetValue(ulong row)
    {
        var entry = ((DuckDbListEntry*)Data)[row];
        var result = new Dictionary<object, object?>((int)entry.Length);
        for (var i = entry.Offset; i < entry.Offset + entry.Length; i++)
        {
            result[key.GetValue(i)] = value.IsValid(i) ? value.GetValue(i) : null;
        }

        return result;
    }
}

/// <summary>A type the provider does not decode (BIT, UNION, VARIANT, GEOMETRY, BIGNUM): NULL checks work; values ask for a cast.</summary>
internal sealed class UnsupportedReader(DuckDbType type, string typeName) : ColumnReader(type, typeName)
{
    public override Type FieldType => typeof(object);

    public override object GetValue(ulong row) =>
        throw new NotSupportedException($"Reading {TypeName} values is not supported; cast the column to VARCHAR in the query.");
}
