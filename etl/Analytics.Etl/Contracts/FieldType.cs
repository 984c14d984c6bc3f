namespace Analytics.Etl.Contracts;

/// <summary>The type a field holds once normalised; <see cref="FieldTypes"/> gives its CLR and DuckDB types.</summary>
public enum FieldType
{
    /// <summary>Text (VARCHAR).</summary>
    Text,

    /// <summary>A whole number (INTEGER).</summary>
    Integer,

    /// <summary>An amount in 万元 with two decimals (DECIMAL(18,2)).</summary>
    Amount,

    /// <summary>A floating-point number (DOUBLE).</summary>
    Double,

    /// <summary>A calendar date (DATE).</summary>
    Date,

    /// <summary>A yes/no answer (BOOLEAN).</summary>
    Flag,

    /// <summary>An ordered list of texts (VARCHAR[]).</summary>
    TextList,
}

/// <summary>How each <see cref="FieldType"/> is held in memory and in the lake.</summary>
public static class FieldTypes
{
    /// <summary>The DuckDB column type for <paramref name="type"/>.</summary>
    public static string DuckDbType(FieldType type) => type switch
    {
        FieldType.Text => "VARCHAR",
        FieldType.Integer => "INTEGER",
        FieldType.Amount => "DECIMAL(18,2)",
        FieldType.Double => "DOUBLE",
        FieldType.Date => "DATE",
        FieldType.Flag => "BOOLEAN",
        FieldType.TextList => "VARCHAR[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The CLR type <see cref="FeedRecord.GetValue"/> returns for <paramref name="type"/>.</summary>
    public static Type ClrType(FieldType type) => type switch
    {
        FieldType.Text => typeof(string),
        FieldType.Integer => typeof(int),
        FieldType.Amount => typeof(decimal),
        FieldType.Double => typeof(double),
        FieldType.Date => typeof(DateOnly),
        FieldType.Flag => typeof(bool),
        FieldType.TextList => typeof(string[]),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
