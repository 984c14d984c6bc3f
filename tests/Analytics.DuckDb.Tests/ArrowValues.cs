using Apache.Arrow;

namespace Analytics.DuckDb.Tests;

/// <summary>Reads a value of an Arrow array as the .NET value the provider's row reader gives for the same cell.</summary>
internal static class ArrowValues
{
    public static object? Get(IArrowArray array, int index)
    {
        if (array.IsNull(index))
        {
            return null;
        }

        return array switch
        {
            Int32Array a => a.GetValue(index),
            Int64Array a => a.GetValue(index),
            DoubleArray a => a.GetValue(index),
            BooleanArray a => a.GetValue(index),
            Decimal128Array a => a.GetValue(index),
            StringArray a => a.GetString(index),
            Date32Array a => a.GetDateOnly(index),
            TimestampArray a => a.GetTimestamp(index)!.Value.DateTime,
            ListArray a => Elements(a.GetSlicedValues(index)),
            _ => throw new NotSupportedException($"No comparison for {array.GetType().Name} in this test."),
        };
    }

    private static List<object?> Elements(IArrowArray values)
    {
        var list = new List<object?>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            list.Add(Get(values, i));
        }

        return list;
    }

    /// <summary>The provider's value of a cell, with a LIST made comparable to <see cref="Elements"/>.</summary>
    public static object? FromReader(DuckDbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var value = reader.GetValue(ordinal);
        return value is System.Collections.IList list ? list.Cast<object?>().ToList() : value;
    }
}
