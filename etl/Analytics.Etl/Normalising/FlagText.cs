namespace Analytics.Etl.Normalising;

/// <summary>Survey answers: 是/否, 1/0, Y/N, yes/no, true/false, 有/无, √/×. Blank means not answered.</summary>
public static class FlagText
{
    /// <summary>The outcome of reading a flag.</summary>
    public enum Reading
    {
        /// <summary>Blank: not answered (null, excluded from that flag's denominator).</summary>
        NotAnswered,

        /// <summary>Yes.</summary>
        Yes,

        /// <summary>No.</summary>
        No,

        /// <summary>Something that is not an answer.</summary>
        Unreadable,
    }

    /// <summary>Reads a lookup-key-folded answer.</summary>
    public static Reading Read(ReadOnlySpan<char> key) => key switch
    {
        "" => Reading.NotAnswered,
        "是" or "1" or "Y" or "YES" or "TRUE" or "T" or "有" or "√" or "✓" or "✔" or "1.0" => Reading.Yes,
        "否" or "0" or "N" or "NO" or "FALSE" or "F" or "无" or "×" or "✗" or "✘" or "0.0" => Reading.No,
        _ => Reading.Unreadable,
    };
}
