namespace Analytics.Etl.Normalising;

/// <summary>
/// Excel's date serial numbers (1900 date system): day 1 is 1900-01-01, and Excel counts a 1900-02-29 that never
/// existed (serial 60), so serials from 61 on are days since 1899-12-30.
/// </summary>
public static class ExcelSerialDate
{
    /// <summary>Smallest serial accepted as a date: 1900-01-01.</summary>
    public const int MinSerial = 1;

    /// <summary>Largest serial accepted as a date: 2099-12-31 (anything later is not a date in these feeds).</summary>
    public const int MaxSerial = 73415;

    /// <summary>The date for a whole serial, or false outside the accepted range or for the phantom 1900-02-29.</summary>
    public static bool TryToDate(long serial, out DateOnly date)
    {
        date = default;
        if (serial is < MinSerial or > MaxSerial or 60)
        {
            return false;
        }

        var epoch = serial < 60 ? new DateOnly(1899, 12, 31) : new DateOnly(1899, 12, 30);
        date = epoch.AddDays((int)serial);
        return true;
    }

    /// <summary>The serial of <paramref name="date"/> (from 1900-03-01 on).</summary>
    public static int FromDate(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
