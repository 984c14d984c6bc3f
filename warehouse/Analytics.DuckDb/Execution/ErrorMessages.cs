using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>Turns DuckDB's error text into the error class it names (<c>Catalog Error: …</c> → <see cref="DuckDbErrorType.Catalog"/>).</summary>
internal static class ErrorMessages
{
    public static DuckDbErrorType ClassOf(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return DuckDbErrorType.Invalid;
        }

        var end = message.IndexOf(" Error:", StringComparison.Ordinal);
        if (end <= 0)
        {
            return DuckDbErrorType.Invalid;
        }

        var name = message[..end].Replace(" ", "", StringComparison.Ordinal);
        if (name.Equals("OutofMemory", StringComparison.OrdinalIgnoreCase))
        {
            return DuckDbErrorType.OutOfMemory;
        }

        return Enum.TryParse<DuckDbErrorType>(name, ignoreCase: true, out var type) ? type : DuckDbErrorType.Invalid;
    }
}
