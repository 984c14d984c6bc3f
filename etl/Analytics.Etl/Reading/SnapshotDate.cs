using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Etl.Reading;

/// <summary>The registry snapshot date a file name carries: <c>registry_2015-12-31.csv</c> or <c>registry_20151231.csv</c>.</summary>
public static partial class SnapshotDate
{
    /// <summary>The last date in the file name, or null.</summary>
    public static DateOnly? FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var matches = DatePattern().Matches(name);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var text = matches[i].Groups["d"].Value.Replace("-", "", StringComparison.Ordinal);
            if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9])(?<d>\d{4}-\d{2}-\d{2}|\d{8})(?![0-9])")]
    private static partial Regex DatePattern();
}
