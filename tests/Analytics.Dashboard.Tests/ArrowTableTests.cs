using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Accounts;
using Analytics.Dashboard.Tests.Support;
using Analytics.DuckDb;
using Analytics.Snapshots.Results;
using Analytics.TestSupport;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// Every API table as Arrow, on the product's own snapshot: at its <c>.arrow</c> address and by <c>Accept</c>, read back
/// with Apache.Arrow's reader and compared with the JSON of the same request — the same rows, the mart's own column
/// types, withheld cells null for a reader who may not see them, and each download in the access log with its type.
/// </summary>
public sealed class ArrowTableTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_series_as_arrow_holds_the_json_rows_with_the_marts_types()
    {
        var (id, _, _) = SmallCell();
        using var client = factory.As(Roles.Analyst);
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/{id}/series?district=ALL")).RootElement.GetProperty("points");
        using var linked = await client.GetAsync($"/api/indicators/{id}/series.arrow?district=ALL");
        using var asked = await client.SendAsync(Accepting($"/api/indicators/{id}/series?district=ALL", ResultMedia.Arrow));

        foreach (var response in new[] { linked, asked })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ResultMedia.Arrow, response.Content.Headers.ContentType!.MediaType);
            var batch = await ReadAsync(response);
            Assert.Equal(json.GetArrayLength(), batch.Length);
            Assert.Equal(Analytics.Snapshots.MartContract.ColumnNames, batch.Schema.FieldsList.Select(f => f.Name));
            Assert.IsType<Int32Type>(batch.Schema.GetFieldByName("year").DataType);
            Assert.IsType<DoubleType>(batch.Schema.GetFieldByName("value").DataType);
            Assert.IsType<BooleanType>(batch.Schema.GetFieldByName("small_cell").DataType);
            Assert.Equal(Path.GetFileName(factory.SnapshotPath), batch.Schema.Metadata["analytics.snapshot"]);
            var years = (Int32Array)batch.Column("year");
            var values = (DoubleArray)batch.Column("value");
            var status = (StringArray)batch.Column("status");
            for (var i = 0; i < batch.Length; i++)
            {
                var point = json[i];
                Assert.Equal(point.GetProperty("year").GetInt32(), years.GetValue(i));
                Assert.Equal(point.GetProperty("value").ValueKind == JsonValueKind.Null ? null : point.GetProperty("value").GetDouble(), values.GetValue(i));
                Assert.Equal(point.GetProperty("status").GetString(), status.GetString(i));
            }
        }

        Assert.Equal(
            "attachment; filename=" + $"{id}-series-ALL-ALL-ALL.arrow",
            linked.Content.Headers.ContentDisposition!.ToString().Split(';').Take(2).Aggregate((a, b) => a + ";" + b));
    }

    [Fact]
    public async Task A_withheld_cell_is_null_in_a_viewers_arrow_and_whole_in_an_analysts()
    {
        var (id, year, district) = SmallCell();
        var url = $"/api/indicators/{id}/breakdown.arrow?by=district&year={year}";
        using var viewer = factory.As(Roles.Viewer);
        using var analyst = factory.As(Roles.Analyst);

        var seen = Row(await ReadAsync(await viewer.GetAsync(url)), district);
        var whole = Row(await ReadAsync(await analyst.GetAsync(url)), district);

        Assert.True(seen.SmallCell);
        Assert.Null(seen.Value);
        Assert.True(whole.SmallCell);
        Assert.NotNull(whole.Value);
    }

    [Theory]
    [InlineData("/api/plans/CQ2013/grid")]
    [InlineData("/api/plans/YY2020/grid?by=industry")]
    [InlineData("/api/plans/CQ2013/cells?district={district}")]
    public async Task A_plan_table_as_arrow_has_the_csvs_rows(string table)
    {
        var district = Cell("CQ2013");
        var path = table.Replace("{district}", district, StringComparison.Ordinal);
        var (file, query) = path.Contains('?', StringComparison.Ordinal) ? (path[..path.IndexOf('?', StringComparison.Ordinal)], path[path.IndexOf('?', StringComparison.Ordinal)..]) : (path, "");
        using var client = factory.As(Roles.Viewer);

        var csv = await client.GetStringAsync(file + ".csv" + query);
        var arrow = await ReadAsync(await client.GetAsync(file + ".arrow" + query));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(arrow.Length > 0);
        Assert.Equal(lines.Length - 1, arrow.Length);
        var ids = (StringArray)arrow.Column("indicator_id");
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')[0]), Enumerable.Range(0, arrow.Length).Select(i => ids.GetString(i)));
    }

    [Fact]
    public async Task A_data_table_as_arrow_keeps_duckdbs_column_types()
    {
        using var client = factory.As(Roles.Viewer);
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/data/quarantine")).RootElement;
        using var response = await client.SendAsync(Accepting("/api/data/quarantine", ResultMedia.Arrow));
        var linked = await ReadAsync(await client.GetAsync("/api/data/quarantine.arrow"));

        var batch = await ReadAsync(response);
        Assert.Equal(json.GetProperty("rows").GetArrayLength(), batch.Length);
        Assert.Equal(json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()), batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Contains(batch.Schema.FieldsList, f => f.DataType is Int64Type or Int32Type);
        Assert.Equal(batch.Length, linked.Length);
    }

    [Fact]
    public async Task Accept_chooses_the_format_and_json_stays_the_default()
    {
        var (id, _, _) = SmallCell();
        var url = $"/api/indicators/{id}/series";
        using var client = factory.As(Roles.Analyst);

        using var csv = await client.SendAsync(Accepting(url, "text/csv"));
        using var json = await client.SendAsync(Accepting(url, "application/json"));
        using var any = await client.SendAsync(Accepting(url, "*/*"));
        using var preferred = await client.SendAsync(Accepting(url, "application/json;q=0.5", ResultMedia.Arrow + ";q=0.9"));

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("indicator_id,plan,year", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", any.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ResultMedia.Arrow, preferred.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Bad_requests_for_arrow_are_problems_not_streams()
    {
        using var client = factory.As(Roles.Analyst);

        using var unknown = await client.GetAsync("/api/indicators/NO-SUCH/series.arrow");
        using var badYear = await client.SendAsync(Accepting("/api/plans/CQ2013/grid.arrow?year=1850", ResultMedia.Arrow));
        using var anonymous = await factory.CreateClient().GetAsync("/api/data/freshness.arrow");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_arrow_download_is_in_the_access_log_with_its_type()
    {
        var (id, _, _) = SmallCell();
        using var client = factory.As(Roles.Analyst);
        using var response = await client.SendAsync(Accepting($"/api/indicators/{id}/series?district=ALL&size=ALL", ResultMedia.Arrow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var lines = File.ReadAllLines(factory.AccessLog).Select(l => JsonDocument.Parse(l).RootElement);
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "download"
            && l.GetProperty("path").GetString()!.Contains($"/api/indicators/{id}/series?district=ALL&size=ALL", StringComparison.Ordinal)
            && l.GetProperty("detail").GetString() == ResultMedia.Arrow);
    }

    [Fact]
    public async Task The_openapi_document_offers_each_table_as_json_csv_and_arrow()
    {
        using var client = factory.As(Roles.Viewer);
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/indicators/{id}/series", "/api/indicators/{id}/breakdown" })
        {
            var content = paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.Equal(
                new[] { "application/json", "text/csv", ResultMedia.Arrow }.Order(StringComparer.Ordinal),
                content.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.Contains("$ref", content.GetProperty("application/json").GetProperty("schema").ToString(), StringComparison.Ordinal);
            Assert.Contains("Accept: " + ResultMedia.Arrow, paths.GetProperty(path).GetProperty("get").GetProperty("description").GetString()!, StringComparison.Ordinal);
        }

        foreach (var path in new[]
        {
            "/api/indicators/{id}/series.arrow", "/api/indicators/{id}/breakdown.arrow", "/api/plans/{plan}/grid.arrow", "/api/plans/{plan}/cells.arrow",
            "/api/data/freshness.arrow", "/api/data/loads.arrow", "/api/data/quarantine.arrow",
        })
        {
            Assert.True(paths.TryGetProperty(path, out var p), path);
            Assert.True(p.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(ResultMedia.Arrow, out _), path);
        }
    }

    private static HttpRequestMessage Accepting(string url, params string[] types)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var type in types)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(type));
        }

        return request;
    }

    private static async Task<RecordBatch> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResultMedia.Arrow, response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var reader = new ArrowStreamReader(stream);
        var batches = new List<RecordBatch>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            batches.Add(batch);
        }

        // The mart tables come as one batch; an empty table has none but still a schema.
        return batches.Count == 1 ? batches[0] : new RecordBatch(reader.Schema, reader.Schema.FieldsList.Select(f => (IArrowArray)new NullArray(0)), 0);
    }

    private static (bool SmallCell, double? Value) Row(RecordBatch batch, string district)
    {
        var codes = (StringArray)batch.Column("district_code");
        var i = Enumerable.Range(0, batch.Length).Single(i => codes.GetString(i) == district);
        return (((BooleanArray)batch.Column("small_cell")).GetValue(i)!.Value, ((DoubleArray)batch.Column("value")).GetValue(i));
    }

    /// <summary>A district's small cell with a value, at the city's industry group and size: an indicator, its year and the district.</summary>
    private static (string Id, int Year, string District) SmallCell()
    {
        var row = ProductCells.Query("""
            SELECT indicator_id, year, district_code FROM mart_indicator
            WHERE small_cell AND value IS NOT NULL AND district_code <> 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL'
            ORDER BY indicator_id, year, district_code LIMIT 1
            """).Single();
        return ((string)row[0]!, Convert.ToInt32(row[1], CultureInfo.InvariantCulture), (string)row[2]!);
    }

    private static string Cell(string plan) => (string)ProductCells.Query(
        $"SELECT district_code FROM mart_indicator WHERE plan = '{plan}' AND district_code <> 'ALL' AND value > 0 GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1").Single()[0]!;
}
