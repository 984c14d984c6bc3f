using System.Globalization;
using System.Text;

namespace Analytics.DemoData.Writers;

/// <summary>
/// Formats an amount as <c>value.ToString("0.##", InvariantCulture)</c> does, into ASCII bytes without a string.
/// Nearly every amount is already rounded to cents; for those the exact cents are printed directly (the same text:
/// "0.##" rounds to 15 significant digits first, which gives back the cents of any double that is the nearest
/// one to them). Anything else — a negative, a huge or an unrounded value — goes through <see cref="double.ToString(string, IFormatProvider)"/>.
/// </summary>
internal static class AmountText
{
    /// <summary>Below this many cents (10^13) a value has at most 15 significant digits.</summary>
    private const double CentsLimit = 1e13;

    /// <summary>Writes the text into <paramref name="destination"/> (at least 40 bytes) and returns its length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        var scaled = Math.Round(value * 100);
        if (!double.IsNegative(value) && scaled < CentsLimit && scaled / 100 == value)
        {
            var cents = (long)scaled;
            var whole = cents / 100;
            var fraction = (int)(cents % 100);
            whole.TryFormat(destination, out var length, default, CultureInfo.InvariantCulture);
            if (fraction != 0)
            {
                destination[length++] = (byte)'.';
                destination[length++] = (byte)('0' + (fraction / 10));
                if (fraction % 10 != 0)
                {
                    destination[length++] = (byte)('0' + (fraction % 10));
                }
            }

            return length;
        }

        return Encoding.ASCII.GetBytes(value.ToString("0.##", CultureInfo.InvariantCulture), destination);
    }
}
