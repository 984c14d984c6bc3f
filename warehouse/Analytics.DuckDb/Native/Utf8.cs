using System.Runtime.InteropServices;
using System.Text;

namespace Analytics.DuckDb.Native;

internal static unsafe class Utf8
{
    public static string? FromPointer(byte* text) => text is null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Reads and frees a string DuckDB allocated for the caller.</summary>
    public static string? FromOwnedPointer(byte* text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)text);
        }
        finally
        {
            NativeMethods.duckdb_free(text);
        }
    }

    public static string Decode(byte* text, int length) => Encoding.UTF8.GetString(text, length);
}
