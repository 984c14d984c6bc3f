using System.Globalization;
using Analytics.DuckDb;
using Analytics.Etl.Normalising;

namespace Analytics.Warehouse.Tests.Support;

/// <summary>Registry row of a fixture batch (amounts in 万元; size NULL = derive it).</summary>
internal sealed record RegistryRow(
    string CreditCode, string District, string Industry, int Year, int? Employees, decimal? Revenue, decimal? Assets,
    string? Size, string Status = "存续", string? Name = null);

/// <summary>Recognition row of a fixture batch.</summary>
internal sealed record RecognitionRow(
    string CreditCode, string Type, DateOnly GrantedOn, string Level = "市", DateOnly? ExpiresOn = null,
    DateOnly? RevokedOn = null, string? PersonId = null);

/// <summary>Patent row of a fixture batch.</summary>
internal sealed record PatentRow(string ApplicationNo, int Type, DateOnly ApplicationDate, DateOnly? GrantDate, params string[] Applicants);

/// <summary>R&amp;D row of a fixture batch.</summary>
internal sealed record RdRow(string CreditCode, int Year, decimal? RdExpense, decimal? MainBusinessRevenue, decimal? NewProductRevenue = null);

/// <summary>Survey row of a fixture batch.</summary>
internal sealed record SurveyRow(
    string CreditCode, int Year, double Weight, bool? ItInRd = null, bool? ItInManagement = null, bool? ItInProductionControl = null,
    bool? EcommercePurchase = null, bool? EcommerceSales = null, bool? CloudServices = null);

/// <summary>
/// Writes a tiny lake in the layout and columns <c>analytics load</c> publishes (FixtureLakeShapeTests holds it to them): <c>load=&lt;id&gt;/feed=&lt;feed&gt;/year=&lt;yyyy&gt;/*.parquet</c>
/// (through DuckDB's COPY … PARTITION_BY), <c>load=&lt;id&gt;/quarantine/*.parquet</c> and <c>manifest.json</c>.
/// </summary>
internal sealed class FixtureLake : IDisposable
{
    public FixtureLake()
    {
        Root = Path.Combine(Path.GetTempPath(), "wh-fixture-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes one published batch.</summary>
    public void WriteBatch(
        string batchId, DateTimeOffset startedAt, IReadOnlyList<RegistryRow> registry, IReadOnlyList<RecognitionRow> recognitions,
        IReadOnlyList<PatentRow> patents, IReadOnlyList<RdRow> rd, IReadOnlyList<SurveyRow> survey, int quarantinedRows = 0)
    {
        var folder = Path.Combine(Root, "load=" + batchId);
        Directory.CreateDirectory(folder);
        using var connection = new DuckDbConnection();
        connection.Open();
        Execute(connection, """
            CREATE TABLE registry (credit_code VARCHAR, name VARCHAR, district_code VARCHAR, industry_code VARCHAR, founded_on DATE,
              status VARCHAR, deregistered_on DATE, employees INTEGER, revenue DECIMAL(18,2), assets DECIMAL(18,2), size_class VARCHAR,
              as_of DATE, notes VARCHAR[], source_file VARCHAR, sha256 VARCHAR, source_row BIGINT, year INTEGER);
            CREATE TABLE recognitions (credit_code VARCHAR, person_id VARCHAR, recognition_type VARCHAR, level VARCHAR, granted_on DATE,
              expires_on DATE, revoked_on DATE, certificate_no VARCHAR, batch VARCHAR, notes VARCHAR[], source_file VARCHAR, sha256 VARCHAR, source_row BIGINT, year INTEGER);
            CREATE TABLE patents_raw (application_no VARCHAR, patent_type INTEGER, title VARCHAR, applicants VARCHAR, application_date DATE,
              publication_date DATE, grant_date DATE, legal_status VARCHAR, ipc_main VARCHAR, applicant_credit_codes VARCHAR, notes VARCHAR[], source_file VARCHAR, sha256 VARCHAR, source_row BIGINT, year INTEGER);
            CREATE TABLE rd_spend (credit_code VARCHAR, rd_expense DECIMAL(18,2), main_business_revenue DECIMAL(18,2), new_product_revenue DECIMAL(18,2),
              rd_personnel INTEGER, source VARCHAR, notes VARCHAR[], source_file VARCHAR, sha256 VARCHAR, source_row BIGINT, year INTEGER);
            CREATE TABLE survey (credit_code VARCHAR, survey_year INTEGER, weight DOUBLE, it_in_rd BOOLEAN, it_in_management BOOLEAN,
              it_in_production_control BOOLEAN, ecommerce_purchase BOOLEAN, ecommerce_sales BOOLEAN, cloud_services BOOLEAN, has_website BOOLEAN,
              notes VARCHAR[], source_file VARCHAR, sha256 VARCHAR, source_row BIGINT, year INTEGER);
            """);

        using (var a = connection.CreateAppender("registry"))
        {
            var n = 0;
            foreach (var r in registry)
            {
                var dead = r.Status is "注销" or "吊销";
                a.CreateRow().Append(r.CreditCode).Append(r.Name ?? "企业" + r.CreditCode[^4..]).Append(r.District).Append(r.Industry)
                    .Append(new DateOnly(2005, 1, 1)).Append(r.Status).Append(dead ? new DateOnly(r.Year, 6, 30) : (DateOnly?)null)
                    .Append(r.Employees).Append(r.Revenue).Append(r.Assets).Append(r.Size).Append(new DateOnly(r.Year, 12, 31)).AppendNull()
                    .Append($"registry_{r.Year}.csv").Append("sha").Append((long)++n).Append(r.Year).EndRow();
            }
        }

        using (var a = connection.CreateAppender("recognitions"))
        {
            var n = 0;
            foreach (var r in recognitions)
            {
                a.CreateRow().Append(r.CreditCode).Append(r.PersonId).Append(r.Type).Append(r.Level).Append(r.GrantedOn)
                    .Append(r.ExpiresOn).Append(r.RevokedOn).Append("CERT-" + (++n).ToString(CultureInfo.InvariantCulture)).Append("第一批").AppendNull()
                    .Append("recognitions.xlsx").Append("sha").Append((long)n).Append(r.GrantedOn.Year).EndRow();
            }
        }

        using (var a = connection.CreateAppender("patents_raw"))
        {
            var n = 0;
            foreach (var p in patents)
            {
                a.CreateRow().Append(p.ApplicationNo).Append(p.Type).Append("专利" + p.ApplicationNo).Append(string.Join('|', p.Applicants))
                    .Append(p.ApplicationDate).AppendNull().Append(p.GrantDate).Append(p.GrantDate is null ? "审中" : "有效").AppendNull()
                    .Append(string.Join('|', ApplicantCreditCodes.Of(p.Applicants))).AppendNull()
                    .Append("patents.jsonl").Append("sha").Append((long)++n).Append(p.ApplicationDate.Year).EndRow();
            }
        }

        using (var a = connection.CreateAppender("rd_spend"))
        {
            var n = 0;
            foreach (var r in rd)
            {
                a.CreateRow().Append(r.CreditCode).Append(r.RdExpense).Append(r.MainBusinessRevenue).Append(r.NewProductRevenue)
                    .AppendNull().Append("统计").AppendNull().Append("rd.csv").Append("sha").Append((long)++n).Append(r.Year).EndRow();
            }
        }

        using (var a = connection.CreateAppender("survey"))
        {
            var n = 0;
            foreach (var s in survey)
            {
                a.CreateRow().Append(s.CreditCode).Append(s.Year).Append(s.Weight).Append(s.ItInRd).Append(s.ItInManagement)
                    .Append(s.ItInProductionControl).Append(s.EcommercePurchase).Append(s.EcommerceSales).Append(s.CloudServices)
                    .AppendNull().AppendNull().Append("survey.xlsx").Append("sha").Append((long)++n).Append(s.Year).EndRow();
            }
        }

        Copy(connection, "SELECT * FROM registry", folder, "registry", registry.Count);
        Copy(connection, "SELECT * FROM recognitions", folder, "recognitions", recognitions.Count);
        // The lists in the lake's column order; an applicant that is not a credit code has NULL beside it, as the load writes.
        Copy(connection, """
            SELECT application_no, patent_type, title, string_split(applicants, '|') AS applicants, application_date, publication_date,
                   grant_date, legal_status, ipc_main, list_transform(string_split(applicant_credit_codes, '|'), s -> nullif(s, '')) AS applicant_credit_codes,
                   notes, source_file, sha256, source_row, year
            FROM patents_raw
            """, folder, "patents", patents.Count);
        Copy(connection, "SELECT * FROM rd_spend", folder, "rd_spend", rd.Count);
        Copy(connection, "SELECT * FROM survey", folder, "survey", survey.Count);

        if (quarantinedRows > 0)
        {
            Directory.CreateDirectory(Path.Combine(folder, "quarantine"));
            var target = Path.Combine(folder, "quarantine", "data_0.parquet").Replace("'", "''", StringComparison.Ordinal);
            Execute(connection, $"""
                COPY (SELECT 'registry' AS feed, 'registry_2020.csv' AS source_file, 'sha' AS sha256, CAST(NULL AS VARCHAR) AS sheet,
                             CAST(i AS BIGINT) AS row_number, 'raw' AS raw_row, 'credit_code_check_digit' AS rule, 'credit_code' AS column_name,
                             'X' AS value, 'row ' || i || ': the check character is wrong' AS message
                      FROM range({quarantinedRows}) t(i)) TO '{target}' (FORMAT parquet)
                """);
        }

        var manifest = new
        {
            batch_id = batchId,
            status = "published",
            started_at = startedAt,
            finished_at = startedAt.AddMinutes(1),
            files = new[]
            {
                new
                {
                    file = "all", feed = "registry", sha256 = "sha", rows_read = registry.Count + quarantinedRows,
                    rows_loaded = registry.Count, rows_quarantined = quarantinedRows, quarantined_by_rule = new Dictionary<string, long>(),
                },
            },
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), System.Text.Json.JsonSerializer.Serialize(manifest));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void Copy(DuckDbConnection connection, string select, string folder, string feed, int rows)
    {
        if (rows == 0)
        {
            return;
        }

        var target = Path.Combine(folder, "feed=" + feed).Replace("'", "''", StringComparison.Ordinal);
        Execute(connection, $"COPY ({select}) TO '{target}' (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE true)");
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
