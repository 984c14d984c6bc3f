using System.Globalization;
using System.Text.Json;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Sources;

/// <summary>Validates one element of <c>$.sources</c> into a <see cref="SourceDefinition"/>, recording every problem.</summary>
internal sealed class SourceEntryReader(
    string file, string baseFolder, Func<string, string?> lookup, List<ConfigProblem> problems)
{
    private static readonly string[] Known =
        ["name", "feed", "description", "folder", "include", "exclude", "url", "urls", "sha256", "length", "encoding", "as_of", "sheets"];

    /// <summary>The source, or null when the element has a problem (already recorded).</summary>
    public SourceDefinition? Read(JsonElement element, string at)
    {
        var before = problems.Count;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(at, "this source is not a JSON object.", "Write { \"name\": ..., \"feed\": ..., \"folder\": ... }.");
            return null;
        }

        foreach (var property in element.EnumerateObject().Where(p => !Known.Contains(p.Name, StringComparer.Ordinal)))
        {
            Problem($"{at}.{property.Name}", $"unknown property '{property.Name}'.", $"Remove it, or use one of: {string.Join(", ", Known)}.");
        }

        var name = ReadName(element, at);
        var feed = ReadFeed(element, at);
        var hasFolder = element.TryGetProperty("folder", out _);
        var hasUrl = element.TryGetProperty("url", out _) || element.TryGetProperty("urls", out _);
        string? folder = null;
        IReadOnlyList<string> include = [], exclude = [];
        IReadOnlyList<Uri> urls = [];
        if (hasFolder == hasUrl)
        {
            Problem(at, hasFolder ? "the source has both a 'folder' and URLs." : "the source has neither a 'folder' nor URLs.",
                "Give exactly one: \"folder\" with \"include\" patterns, or \"url\"/\"urls\".");
        }
        else if (hasFolder)
        {
            folder = ReadFolder(element, at);
            include = ReadPatterns(element, at, "include", required: true);
            exclude = ReadPatterns(element, at, "exclude", required: false);
        }
        else
        {
            urls = ReadUrls(element, at);
        }

        var sha256 = ReadSha256(element, at);
        var length = ReadLength(element, at);
        if ((sha256 is not null || length is not null) && !NamesOneFile(hasFolder, include, urls))
        {
            Problem(at, "'sha256'/'length' describe one file, but this source can match several.",
                "Split it into one source per file (one \"url\", or one \"include\" without wildcards), or drop 'sha256'/'length'.");
        }

        var encoding = ReadEncoding(element, at);
        var asOf = ReadAsOf(element, at, feed);
        var sheets = ReadSheets(element, at);
        if (problems.Count > before || name is null || feed is null)
        {
            return null;
        }

        return new SourceDefinition
        {
            Name = name,
            Feed = feed.Value,
            Folder = folder,
            Include = include,
            Exclude = exclude,
            Urls = urls,
            ExpectedSha256 = sha256,
            ExpectedLength = length,
            Encoding = encoding,
            AsOf = asOf,
            Sheets = sheets,
            ConfigFile = file,
            JsonPath = at,
        };
    }

    private static bool NamesOneFile(bool hasFolder, IReadOnlyList<string> include, IReadOnlyList<Uri> urls) =>
        hasFolder
            ? include.Count == 1 && GlobPattern.TryParse(include[0], out var p, out _) && p!.IsLiteral
            : urls.Count == 1;

    private string? ReadName(JsonElement element, string at)
    {
        if (ReadString(element, at, "name", required: true) is not { } name)
        {
            return null;
        }

        var valid = name.Length is > 0 and <= 64
            && char.IsAsciiLetterOrDigit(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        if (!valid)
        {
            Problem($"{at}.name", $"'{name}' is not a usable source name.",
                "Use 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. \"hangzhou-registry\").");
            return null;
        }

        return name;
    }

    private FeedKind? ReadFeed(JsonElement element, string at)
    {
        if (ReadString(element, at, "feed", required: true) is not { } text)
        {
            return null;
        }

        if (!FeedNames.TryParse(text, out var feed))
        {
            Problem($"{at}.feed", $"'{text}' is not a feed.", $"Use one of: {string.Join(", ", FeedNames.All)}.");
        }

        return feed;
    }

    private string? ReadFolder(JsonElement element, string at)
    {
        if (ReadString(element, at, "folder", required: true) is not { } text)
        {
            return null;
        }

        if (!PathVariables.TryExpand(text, lookup, out var expanded, out var error))
        {
            Problem($"{at}.folder", $"'{text}': {error}", "Set the variable, give a default as ${NAME:-default}, or write the path out.");
            return null;
        }

        if (expanded.Length == 0)
        {
            Problem($"{at}.folder", "the folder is empty.", "Give the folder that holds the extracts.");
            return null;
        }

        return Path.GetFullPath(Path.Combine(baseFolder, expanded));
    }

    private List<string> ReadPatterns(JsonElement element, string at, string key, bool required)
    {
        var patterns = ReadStringOrArray(element, at, key, required, "a glob pattern such as \"**/*.csv\"");
        foreach (var (pattern, i) in patterns.Select((p, i) => (p, i)))
        {
            if (!GlobPattern.TryParse(pattern, out _, out var error))
            {
                Problem($"{at}.{key}[{i}]", error!, "Write a pattern relative to the folder, e.g. \"registry/**/*.csv\".");
            }
        }

        return patterns;
    }

    private List<Uri> ReadUrls(JsonElement element, string at)
    {
        var both = element.TryGetProperty("url", out _) && element.TryGetProperty("urls", out _);
        if (both)
        {
            Problem(at, "the source has both 'url' and 'urls'.", "Keep one: \"url\" for one address, \"urls\" for a list.");
            return [];
        }

        var key = element.TryGetProperty("url", out _) ? "url" : "urls";
        var texts = key == "url"
            ? ReadString(element, at, key, required: true) is { } one ? [one] : []
            : ReadStringOrArray(element, at, key, required: true, "an http(s) address");
        var urls = new List<Uri>();
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            var where = key == "url" ? $"{at}.url" : $"{at}.urls[{i}]";
            if (!PathVariables.TryExpand(text, lookup, out var expanded, out var error))
            {
                Problem(where, $"'{text}': {error}", "Set the variable, give a default as ${NAME:-default}, or write the address out.");
            }
            else if (!Uri.TryCreate(expanded, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                Problem(where, $"'{expanded}' is not an absolute http or https address.",
                    "Write the full address, e.g. \"https://data.example.gov.cn/export/registry.csv\"; use \"folder\" for local files.");
            }
            else
            {
                urls.Add(uri);
            }
        }

        return urls;
    }

    private string? ReadSha256(JsonElement element, string at)
    {
        if (ReadString(element, at, "sha256", required: false) is not { } text)
        {
            return null;
        }

        var hex = text.Trim().ToLowerInvariant();
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            Problem($"{at}.sha256", $"'{text}' is not a SHA-256 (64 hexadecimal digits).", "Copy the value `sha256sum FILE` prints, or drop 'sha256'.");
            return null;
        }

        return hex;
    }

    private long? ReadLength(JsonElement element, string at)
    {
        if (!element.TryGetProperty("length", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var length) || length < 0)
        {
            Problem($"{at}.length", $"{value.GetRawText()} is not a length in bytes.", "Give a whole number ≥ 0, e.g. 1048576, or drop 'length'.");
            return null;
        }

        return length;
    }

    private TextEncodingHint? ReadEncoding(JsonElement element, string at)
    {
        var text = ReadString(element, at, "encoding", required: false);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "utf-8" or "utf8":
                return TextEncodingHint.Utf8;
            case "gbk" or "gb18030" or "gb2312":
                return TextEncodingHint.Gbk;
            default:
                Problem($"{at}.encoding", $"'{text}' is not a supported encoding.", "Use \"utf-8\" or \"gbk\", or drop 'encoding' to let the reader detect it.");
                return null;
        }
    }

    /// <summary><c>"all"</c>, <c>"with_header"</c>, <c>{ "name": "名单" }</c> or <c>{ "index": 2 }</c> (1-based).</summary>
    private SheetSelection ReadSheets(JsonElement element, string at)
    {
        if (!element.TryGetProperty("sheets", out var value))
        {
            return SheetSelection.All;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() == "all":
                return SheetSelection.All;
            case JsonValueKind.String when value.GetString() == "with_header":
                return SheetSelection.WithHeader;
            case JsonValueKind.Object:
                var keys = value.EnumerateObject().ToList();
                if (keys is [{ Name: "name", Value.ValueKind: JsonValueKind.String } name] && !string.IsNullOrWhiteSpace(name.Value.GetString()))
                {
                    return SheetSelection.Named(name.Value.GetString()!);
                }

                if (keys is [{ Name: "index" } index] && index.Value.TryGetInt32(out var i) && i >= 1)
                {
                    return SheetSelection.At(i);
                }

                break;
        }

        Problem($"{at}.sheets", $"{value.GetRawText()} is not a sheet choice.",
            "Write \"all\" (the default), \"with_header\" (skip sheets without a header, e.g. 说明), { \"name\": \"名单\" } or { \"index\": 2 } (1-based).");
        return SheetSelection.All;
    }

    private DateOnly? ReadAsOf(JsonElement element, string at, FeedKind? feed)
    {
        if (ReadString(element, at, "as_of", required: false) is not { } text)
        {
            return null;
        }

        if (feed is { } f && f != FeedKind.Registry)
        {
            Problem($"{at}.as_of", $"'as_of' applies to the registry feed only, and this source carries '{f.ToName()}'.", "Drop 'as_of'.");
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problem($"{at}.as_of", $"'{text}' is not a date written yyyy-MM-dd.", "Write the snapshot date as e.g. \"2024-12-31\".");
            return null;
        }

        return date;
    }

    private string? ReadString(JsonElement element, string at, string key, bool required)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            if (required)
            {
                Problem(at, $"'{key}' is missing.", $"Add \"{key}\".");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem($"{at}.{key}", $"'{key}' is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string.", $"Write \"{key}\" as a string in quotes.");
            return null;
        }

        return value.GetString()!;
    }

    private List<string> ReadStringOrArray(JsonElement element, string at, string key, bool required, string what)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            if (required)
            {
                Problem(at, $"'{key}' is missing.", $"Add \"{key}\": [ {what} ].");
            }

            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : null;
        if (items is null || (required && items.Count == 0) || items.Any(i => i.ValueKind != JsonValueKind.String))
        {
            Problem($"{at}.{key}", $"'{key}' must be a string or a non-empty array of strings.", $"Write \"{key}\": [ {what} ].");
            return [];
        }

        return items.Select(i => i.GetString()!).ToList();
    }

    private void Problem(string jsonPath, string problem, string fix) =>
        problems.Add(new ConfigProblem(file, jsonPath, problem, fix));
}
