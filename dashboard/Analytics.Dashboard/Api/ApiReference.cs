using Scalar.AspNetCore;

namespace Analytics.Dashboard.Api;

/// <summary>
/// <c>/api/reference</c>: the interactive API reference (Scalar) over the OpenAPI document at <c>/openapi/v1.json</c>,
/// for the same readers as the API itself; requests tried from it carry the reader's own sign-in.
/// </summary>
public static class ApiReference
{
    /// <summary>The reference's address.</summary>
    public const string Path = "/api/reference";

    /// <summary>What the OpenAPI document says before its endpoints: how to sign in, the formats, the errors.</summary>
    public const string Description = """
        The dashboard's data as JSON, CSV and Excel — the same numbers, with the same disclosure control, as the pages.
        仪表板数据接口：与页面相同的数字与小单元格保护。

        **Sign-in.** Every endpoint needs an account: the browser's sign-in cookie, or a personal API token
        (`analytics users token NAME`) as `Authorization: Bearer ak_…`. Viewers and district officials get withheld
        cells without their numbers; analysts every cell and the SQL console.

        **Formats.** Tables are JSON by default. Each table has CSV, Arrow and Excel variants at the same path with
        `.csv`, `.arrow` or `.xlsx` (for example `/api/indicators/CQ-TECH-SME/series` → `…/series.csv`, `…/series.arrow`,
        `…/series.xlsx`), and the JSON address answers `Accept: text/csv` and `Accept: application/vnd.apache.arrow.stream`
        too. CSV: UTF-8 with a byte order mark, one header row with the column names, numbers unformatted. Arrow: an IPC
        stream with the mart's own column types (`pyarrow.ipc.open_stream`, `polars.read_ipc_stream`,
        `arrow::read_ipc_stream`); a withheld cell's numbers are null. The data tables (`/api/data/freshness`, `loads`,
        `quarantine`) come as Arrow with DuckDB's column types. The SQL console's downloads (`POST /sql/csv`,
        `/sql/json`, `/sql/arrow`, analysts) run the query in a worker process within its row, byte and time caps.

        **Errors** are `application/problem+json` (RFC 9457) with a `title` that says what to fix; a bad parameter is
        named in `errors`. 401: not signed in; 403: the role may not; 404: no such indicator, plan or district; 503:
        no snapshot is published yet.

        Example: `curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:5080/api/indicators/CQ-TECH-SME/series?district=ALL`
        """;

    /// <summary>The document's title and description (an OpenAPI document transformer).</summary>
    public static void Describe(Microsoft.AspNetCore.OpenApi.OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Analytics API — 中小企业创新目标监测";
            document.Info.Description = Description;
            return Task.CompletedTask;
        });
        TableFormats.Describe(options);
    }

    /// <summary>Maps the reference page and its assets.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, options => options
                .WithTitle("Analytics API — 中小企业创新目标监测")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .HideDeveloperTools()
                .HideClientButton())
            .RequireAuthorization(Analytics.Accounts.Policies.Reader);
        return app;
    }
}
