using System.Numerics;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// DECIMAL(width, scale): an integer of 16, 32, 64 or 128 bits (by width) holding value·10^scale. Read into
/// <see cref="decimal"/> by building its 96-bit mantissa and scale directly (no division).
/// </summary>
internal sealed unsafe class DecimalReader<TStorage>(string typeName, byte scale) : ColumnReader(DuckDbType.Decimal, typeName)
    where TStorage : unmanaged, IBinaryInteger<TStorage>
{
    private static readonly Int128 MaxMantissa = (Int128)decimal.MaxValue;

    public override Type FieldType => typeof(decimal);

    public override decimal GetDecimal(ulong row)
    {
        var raw = Int128.CreateTruncating(((TStorage*)Data)[row]);
        var negative = raw < 0;
        var magnitude = negative ? -raw : raw;
        var s = (int)scale;

        // Drop the digits .NET decimal cannot hold, rounding once from the exact value (half away from zero): rounding
        // digit by digit would round ….445 up to ….5.
        if (s > 28 || magnitude > MaxMantissa)
        {
            var divisor = Int128.One;
            while (true)
            {
                if (s <= 28)
                {
                    var remainder = magnitude % divisor;
                    var rounded = (magnitude / divisor) + (remainder != 0 && remainder >= divisor - remainder ? 1 : 0);
                    if (rounded <= MaxMantissa)
                    {
                        magnitude = rounded;
                        break;
                    }
                }

                if (s == 0)
                {
                    throw new OverflowException($"The {TypeName} value {GetString(row)} is outside the range of System.Decimal; read it with GetString or GetDouble.");
                }

                divisor *= 10;
                s--;
            }
        }

        var bits = (UInt128)magnitude;
        return new decimal((int)(uint)bits, (int)(uint)(bits >> 32), (int)(uint)(bits >> 64), negative, (byte)s);
    }

    public override double GetDouble(ulong row) => (double)Int128.CreateTruncating(((TStorage*)Data)[row]) / Math.Pow(10, scale);

    public override float GetFloat(ulong row) => (float)GetDouble(row);

    public override long GetInt64(ulong row) => decimal.ToInt64(decimal.Truncate(GetDecimal(row)));

    public override int GetInt32(ulong row) => decimal.ToInt32(decimal.Truncate(GetDecimal(row)));

    /// <summary>The exact value as DuckDB writes it (<c>CAST(d AS VARCHAR)</c>), also for values outside System.Decimal.</summary>
    public override string GetString(ulong row)
    {
        var raw = Int128.CreateTruncating(((TStorage*)Data)[row]);
        var digits = Int128.Abs(raw).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale));
        }

        return raw < 0 ? "-" + digits : digits;
    }

    public override object GetValue(ulong row) => GetDecimal(row);
}
