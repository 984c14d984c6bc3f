namespace Analytics.Etl.Contracts;

/// <summary>The schema of one feed: its canonical columns in lake order, its key, and the format samples arrive in.</summary>
public sealed class FeedContract
{
    private readonly Dictionary<string, int> indexByName;

    /// <summary>Creates a contract.</summary>
    public FeedContract(
        FeedKind kind, string nameZh, SourceFormat sampleFormat, IReadOnlyList<FieldContract> fields, IReadOnlyList<int> keyFields)
    {
        Kind = kind;
        NameZh = nameZh;
        SampleFormat = sampleFormat;
        Fields = fields;
        KeyFields = keyFields;
        KeyFieldArray = [.. keyFields];
        TypeArray = fields.Select(f => f.Type).ToArray();
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            indexByName.Add(fields[i].Name, i);
        }
    }

    /// <summary>The key fields as an array: the hot path avoids interface calls on <see cref="KeyFields"/>.</summary>
    internal int[] KeyFieldArray { get; }

    /// <summary>Field types as an array, for the hot path.</summary>
    internal FieldType[] TypeArray { get; }

    /// <summary>Which feed.</summary>
    public FeedKind Kind { get; }

    /// <summary>Chinese name of the feed, e.g. 企业名录.</summary>
    public string NameZh { get; }

    /// <summary>The format the sample generator writes (any supported format is read, chosen by extension).</summary>
    public SourceFormat SampleFormat { get; }

    /// <summary>Canonical columns in lake order; <see cref="FeedRecord"/> values use these indexes.</summary>
    public IReadOnlyList<FieldContract> Fields { get; }

    /// <summary>Indexes of the fields that identify a row within one file (duplicates are judged on them).</summary>
    public IReadOnlyList<int> KeyFields { get; }

    /// <summary>
    /// Headers that are recognised but deliberately not loaded (a 序号 running number, names next to codes). They are
    /// not reported as unknown columns. 序号, 备注 and 说明 are ignored in every feed.
    /// </summary>
    public IReadOnlyList<string> IgnoredHeaders { get; init; } = [];

    /// <summary>The index of the field named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => indexByName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The canonical column names in lake order.</summary>
    public IReadOnlyList<string> ColumnNames => Fields.Select(f => f.Name).ToArray();
}
