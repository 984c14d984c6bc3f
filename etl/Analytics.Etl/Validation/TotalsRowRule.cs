using Analytics.Etl.Normalising;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Validation;

/// <summary>
/// <c>totals_row</c>: a 合计/总计/小计 (or Total) row at the bottom of an export. Recognised by its first non-blank cell
/// among the first three being short and starting with one of those words; it is quarantined, never summed in.
/// </summary>
internal static class TotalsRowRule
{
    private static readonly string[] Words = ["合计", "总计", "小计", "TOTAL", "SUM"];

    public static bool Matches(SourceRow row)
    {
        for (var i = 0; i < Math.Min(3, row.FieldCount); i++)
        {
            var field = row.Field(i);
            if (TextFolding.IsBlank(field))
            {
                continue;
            }

            // Cheap rejection: nearly every row starts with a code or a name that begins with none of these words.
            var first = field[0] <= ' ' ? field.TrimStart()[0] : field[0];
            if (field.Length > 24 || first is not ('合' or '总' or '小' or 'T' or 't' or 'S' or 's' or 'Ｔ' or 'ｔ' or 'Ｓ' or 'ｓ'))
            {
                return false;
            }

            Span<char> key = stackalloc char[field.Length];
            var folded = key[..TextFolding.FoldLookupKey(field, key)];
            foreach (var word in Words)
            {
                if (folded.StartsWith(word, StringComparison.Ordinal) && (folded.Length == word.Length || !char.IsAsciiLetter(folded[word.Length])))
                {
                    // A name such as 合计科技有限公司 is not a totals row: totals carry no more than a count or a colon after the word.
                    return folded.Length <= word.Length + 8 && !folded.EndsWith("公司", StringComparison.Ordinal);
                }
            }

            return false;
        }

        return false;
    }
}
