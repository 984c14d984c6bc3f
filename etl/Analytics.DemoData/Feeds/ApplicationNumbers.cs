using System.Globalization;
using Analytics.DemoData.Randomness;
using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// Issues CNIPA application numbers (YYYY + type + 7-digit serial + '.' + check). Serials run per filing year and
/// type from a random start, with small gaps in the demo regions (other regions' filings fall between).
/// </summary>
internal sealed class ApplicationNumbers
{
    private const int SerialLimit = 10_000_000;
    private readonly Dictionary<int, int> _next = [];
    private readonly ulong _salt;
    private readonly bool _dense;

    public ApplicationNumbers(ulong salt, bool dense)
    {
        _salt = salt;
        _dense = dense;
    }

    public string Next(int year, int type, ref Rng rng)
    {
        var key = (year * 10) + type;
        if (!_next.TryGetValue(key, out var serial))
        {
            serial = (int)(Rng.Hash(_salt, (ulong)key) % 400_000);
        }

        serial += _dense ? 1 : 1 + rng.Next(4);
        if (serial >= SerialLimit)
        {
            throw new InvalidOperationException(
                $"More than {SerialLimit:N0} patent applications of type {type} in {year}: lower ProvinceScale.");
        }

        _next[key] = serial;
        return string.Create(14, (Year: year, Type: type, Serial: serial), static (text, number) =>
        {
            var digits = text[..12];
            number.Year.TryFormat(digits, out _, "D4", CultureInfo.InvariantCulture);
            digits[4] = (char)('0' + number.Type);
            number.Serial.TryFormat(digits[5..], out _, "D7", CultureInfo.InvariantCulture);
            text[12] = '.';
            text[13] = PatentApplicationNumber.ComputeCheckCharacter(digits);
        });
    }
}
