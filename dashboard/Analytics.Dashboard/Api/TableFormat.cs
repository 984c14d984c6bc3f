using Analytics.Snapshots.Results;

namespace Analytics.Dashboard.Api;

/// <summary>What an API table is sent as: JSON (the default), CSV or an Arrow IPC stream.</summary>
public enum TableFormat
{
    /// <summary>JSON.</summary>
    Json,

    /// <summary>CSV, UTF-8 with a byte-order mark.</summary>
    Csv,

    /// <summary>An Arrow IPC stream (<see cref="ResultMedia.Arrow"/>).</summary>
    Arrow,
}

/// <summary>
/// Content negotiation for the API's tables: a table's JSON address also answers <c>Accept: text/csv</c> and
/// <c>Accept: application/vnd.apache.arrow.stream</c> (the highest quality the table offers wins; JSON when nothing
/// else is asked for), and each table has <c>.csv</c> and <c>.arrow</c> addresses for a link.
/// </summary>
public static class TableFormats
{
    /// <summary>The format the request's <c>Accept</c> header prefers.</summary>
    public static TableFormat Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
        {
            return TableFormat.Json;
        }

        foreach (var media in accept.OrderByDescending(m => m.Quality ?? 1.0))
        {
            if (media.Quality is 0)
            {
                continue;
            }

            var type = media.MediaType.Value ?? "";
            if (type.Equals(ResultMedia.Arrow, StringComparison.OrdinalIgnoreCase))
            {
                return TableFormat.Arrow;
            }

            if (type.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return TableFormat.Csv;
            }

            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.MatchesAllTypes
                || type.Equals("application/*", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return TableFormat.Json;
            }
        }

        return TableFormat.Json;
    }

    /// <summary>Says on an endpoint that its table also comes as CSV and Arrow (<see cref="Describe"/> adds them to the OpenAPI document).</summary>
    public static RouteHandlerBuilder AlsoAsCsvAndArrow(this RouteHandlerBuilder endpoint, string csvAndArrowPaths)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint
            .WithMetadata(new AlsoAsFiles(["text/csv", ResultMedia.Arrow]))
            .WithDescription(
                $"JSON by default. With `Accept: text/csv` the same rows come as CSV, with `Accept: {ResultMedia.Arrow}` as an Arrow IPC stream " +
                $"(typed columns, one record batch); or use {csvAndArrowPaths}.");
    }

    /// <summary>Says on an endpoint that its table also comes as Arrow with its own column types (its JSON gives every value as text).</summary>
    public static RouteHandlerBuilder AlsoAsArrow(this RouteHandlerBuilder endpoint, string arrowPath)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint
            .WithMetadata(new AlsoAsFiles([ResultMedia.Arrow]))
            .WithDescription(
                $"JSON (every value as text) by default; with `Accept: {ResultMedia.Arrow}`, or at `{arrowPath}`, an Arrow IPC stream with the table's own column types.");
    }

    /// <summary>
    /// An OpenAPI operation transformer: a table endpoint marked by <see cref="AlsoAsCsvAndArrow"/> lists CSV and Arrow
    /// beside its JSON under 200 (endpoint metadata can give a status code only one content list).
    /// </summary>
    public static void Describe(Microsoft.AspNetCore.OpenApi.OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AlsoAsFiles>().FirstOrDefault() is { } files
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                foreach (var type in files.Types)
                {
                    content[type] = new Microsoft.OpenApi.OpenApiMediaType
                    {
                        Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                    };
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Marks a JSON table endpoint that answers in these media types too.</summary>
    private sealed record AlsoAsFiles(IReadOnlyList<string> Types);
}
