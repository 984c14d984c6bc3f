namespace Analytics.Etl.Reading.Workbooks;

/// <summary>Which number formats show a number as a date (ECMA-376 §18.8.30 built-ins and custom format codes).</summary>
internal static class DateFormats
{
    /// <summary>True for the built-in date and time formats, including the East Asian ones (27–36, 50–58).</summary>
    public static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// True when a custom format code shows a date or time: it has a y, m, d, h or s outside quoted text, escaped
    /// characters and bracketed sections such as colours and locales.
    /// </summary>
    public static bool IsDateCode(string code)
    {
        // Only the first section (positive numbers) decides, as in Excel.
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
                continue;
            }

            if (inBrackets)
            {
                inBrackets = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '[':
                    inBrackets = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case ';':
                    return false;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }
}
