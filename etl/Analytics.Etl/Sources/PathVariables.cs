using System.Text;

namespace Analytics.Etl.Sources;

/// <summary>
/// Expands <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>$$</c> and a leading <c>~</c> in a configured folder or URL.
/// A <c>$</c> followed by anything else stays as it is, because URLs carry <c>$</c> (OData's <c>?$filter=</c>).
/// </summary>
internal static class PathVariables
{
    /// <summary>
    /// Expands <paramref name="text"/>; variables are looked up with <paramref name="lookup"/>. Returns false with a
    /// readable <paramref name="error"/> for an unset variable without default, a bad name or an unclosed brace.
    /// </summary>
    public static bool TryExpand(string text, Func<string, string?> lookup, out string expanded, out string? error)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length || (text[i + 1] != '{' && text[i + 1] != '$'))
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (text[i + 1] == '$')
            {
                sb.Append('$');
                i += 2;
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                return Fail($"'{text}' opens '${{' at position {i + 1} without a closing '}}'.", out expanded, out error);
            }

            var body = text.AsSpan(i + 2, close - i - 2);
            var defaultAt = body.IndexOf(":-", StringComparison.Ordinal);
            var name = (defaultAt < 0 ? body : body[..defaultAt]).ToString();
            if (!IsName(name))
            {
                return Fail($"'${{{body}}}' is not a variable reference; names are letters, digits and '_'.", out expanded, out error);
            }

            var value = lookup(name);
            if (string.IsNullOrEmpty(value))
            {
                if (defaultAt < 0)
                {
                    return Fail($"the variable {name} is not set.", out expanded, out error);
                }

                value = body[(defaultAt + 2)..].ToString();
            }

            sb.Append(value);
            i = close + 1;
        }

        return ExpandHome(sb.ToString(), out expanded, out error);
    }

    /// <summary>The standard lookup: <paramref name="variables"/> first, then the process environment.</summary>
    public static Func<string, string?> Lookup(IReadOnlyDictionary<string, string>? variables) =>
        name => variables is not null && variables.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);

    private static bool ExpandHome(string text, out string expanded, out string? error)
    {
        if (text != "~" && !text.StartsWith("~/", StringComparison.Ordinal) && !text.StartsWith("~\\", StringComparison.Ordinal))
        {
            expanded = text;
            error = null;
            return true;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            return Fail($"'{text}' starts with '~' but this process has no home directory (HOME is not set).", out expanded, out error);
        }

        expanded = home + text[1..];
        error = null;
        return true;
    }

    private static bool IsName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');

    private static bool Fail(string message, out string expanded, out string? error)
    {
        expanded = "";
        error = message;
        return false;
    }
}
