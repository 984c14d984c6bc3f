using System.Globalization;
using System.Net;
using System.Text.Json;
using Analytics.Accounts;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Tests.Support;
using Analytics.DuckDb;
using Analytics.Etl.Validation;
using Analytics.Snapshots;
using Analytics.TestSupport;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// The dashboard over a snapshot the product made (<see cref="ProductSnapshot"/>: demo → pull → load → build): every
/// page and endpoint answers, and every reader finds the columns it reads. Had the readers been tested only on
/// hand-written snapshots, a column renamed in the warehouse would have passed here as NULL on the data page.
/// </summary>
public sealed class ProductSnapshotTests(DashboardFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DashboardFactory>
{
    [Fact]
    public void The_product_snapshot_is_published_as_the_build_publishes_one()
    {
        Assert.Equal(ProductSnapshot.SnapshotPath, new Analytics.Warehouse.Snapshots.SnapshotStore(ProductSnapshot.SnapshotsFolder).Current!.Path);
        Assert.NotEmpty(ProductSnapshot.Info.DataTests);
        Assert.All(ProductSnapshot.Info.DataTests, t => Assert.Equal(0, t.Failures));
        Assert.True(ProductSnapshot.Info.TableRows["mart_indicator"] > 0);
        // A figure to read in the test log (tests never assert timings): what one test run pays for the snapshot.
        output.WriteLine(string.Join(", ", ProductSnapshot.Timings.Select(t => $"{t.Step} {t.Elapsed.TotalSeconds:F1} s")));
    }

    [Fact]
    public void The_product_snapshot_has_every_indicator_of_both_plans_with_values_in_several_districts()
    {
        var rows = ProductCells.Query("""
            SELECT c.plan, c.indicator_id,
                   count(*) FILTER (WHERE m.value > 0 AND m.district_code = 'ALL' AND m.industry_group = 'ALL' AND m.size_class = 'ALL') AS city_years,
                   count(DISTINCT m.district_code) FILTER (WHERE m.value > 0 AND m.district_code <> 'ALL') AS districts
            FROM indicator_catalog c LEFT JOIN mart_indicator m USING (indicator_id)
            GROUP BY ALL ORDER BY ALL
            """);

        Assert.Equal(["CQ2013", "YY2020"], rows.Select(r => (string)r[0]!).Distinct());
        Assert.All(rows, r => Assert.True(Convert.ToInt64(r[2], CultureInfo.InvariantCulture) > 0, $"{r[1]} has no city value above 0"));
        Assert.All(rows, r => Assert.True(Convert.ToInt64(r[3], CultureInfo.InvariantCulture) > 0, $"{r[1]} has no district with a value above 0"));
        Assert.All(rows.GroupBy(r => r[0]), plan => Assert.True(
            plan.Max(r => Convert.ToInt64(r[3], CultureInfo.InvariantCulture)) >= 3, $"{plan.Key}: fewer than 3 districts with values"));
    }

    [Fact]
    public void The_mart_contract_holds_on_the_product_snapshot()
    {
        // What the build's own check runs before publishing (MartLayout), here against what was published.
        Assert.Empty(ProductCells.Query($"SELECT {MartContract.Columns} FROM {MartContract.Table} LIMIT 0"));
        var columns = ProductCells.Query($"SELECT column_name FROM information_schema.columns WHERE table_name = '{MartContract.Table}'").Select(r => (string)r[0]!);
        Assert.Empty(MartContract.ColumnNames.Except(columns));
    }

    [Fact]
    public void The_data_page_readers_find_every_column_they_read()
    {
        using var connection = SnapshotConnections.OpenReadOnly(factory.SnapshotPath);
        var tables = CatalogReader.Tables(connection);

        var freshness = DataStatusReader.Freshness(connection, tables)!;
        Assert.Equal(["patents", "rd_spend", "recognitions", "registry", "survey"], freshness.Select(f => f.Feed).Order(StringComparer.Ordinal));
        Assert.All(freshness, f =>
        {
            Assert.NotNull(f.LatestAsOf);
            Assert.Equal(f.LatestAsOf!.Value.Year, f.LatestYear);
            Assert.True(f.Rows > 0, f.Feed);
            Assert.NotNull(f.LastLoadAt);
        });

        var loads = DataStatusReader.Loads(connection, tables)!;
        var load = Assert.Single(loads);
        Assert.Equal(Assert.Single(ProductSnapshot.Info.BatchIds), load.BatchId);
        Assert.True(load.Files > 0 && load.Rows > 0 && load.Quarantined > 0 && load.StartedAt <= load.FinishedAt);

        // The demo's dirt is quarantined by the ETL's own rules, and the summary reads back what the lake holds.
        var quarantine = DataStatusReader.Quarantine(connection, tables)!;
        Assert.NotEmpty(quarantine);
        Assert.All(quarantine, q =>
        {
            Assert.Contains(q.Rule, RuleIds.Descriptions.Keys);
            Assert.True(q.Rows > 0, q.Rule);
            Assert.Contains($"[rule {q.Rule}]", q.Example, StringComparison.Ordinal);
        });
        Assert.Equal(load.Quarantined, quarantine.Sum(q => q.Rows));
    }

    [Fact]
    public void The_catalog_reader_reads_names_feeds_and_targets_of_every_indicator()
    {
        using var connection = SnapshotConnections.OpenReadOnly(factory.SnapshotPath);
        var catalog = CatalogReader.Read(connection);
        var expected = ProductCells.Query("SELECT indicator_id, source_feed, kind, unit FROM indicator_catalog ORDER BY indicator_id");

        Assert.Equal(expected.Select(r => (string)r[0]!), catalog.Indicators.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(expected, r =>
        {
            var indicator = catalog.Indicator((string)r[0]!)!;
            Assert.Equal(((string?)r[1], (string?)r[2], (string?)r[3]), (indicator.SourceFeed, indicator.Kind, indicator.Unit));
            Assert.NotNull(indicator.NameEn);
        });
        Assert.Contains(catalog.Indicators, i => i.TargetValue is not null && i.TargetVersion is not null);
        Assert.Equal(["CQ2013", "YY2020"], catalog.Plans.Select(p => p.Plan));
        Assert.NotNull(catalog.BuiltAt);
    }

    [Fact]
    public async Task Every_page_and_endpoint_answers_200_for_an_analyst_and_an_admin()
    {
        var (plans, indicators, districts, groups) = Ids();
        var urls = new List<string>
        {
            "/api/plans", "/api/indicators", "/api/districts", "/api/size-classes", "/api/data/snapshot", "/api/data/freshness",
            "/api/data/loads", "/api/data/quarantine", "/openapi/v1.json", "/data", "/sql", "/?lang=en",
        };
        foreach (var (plan, year) in plans)
        {
            var district = districts.First(d => d.Plan == plan).Code;
            var group = groups.First(g => g.Plan == plan).Code;
            urls.AddRange([
                $"/?plan={plan}", $"/api/plans/{plan}", $"/api/industries?plan={plan}", $"/api/plans/{plan}/grid.csv?year={year}",
                $"/api/plans/{plan}/grid.xlsx?year={year}&by=industry", $"/api/plans/{plan}/cells.csv?district={district}",
                $"/api/plans/{plan}/cells.xlsx?industry={group}", $"/district/{district}", $"/industry/{group}",
            ]);
        }

        foreach (var (id, plan) in indicators)
        {
            var year = plans.Single(p => p.Plan == plan).Year;
            var district = districts.First(d => d.Plan == plan).Code;
            urls.AddRange([
                $"/indicator/{id}", $"/indicator/{id}?district={district}&lang=en", $"/api/indicators/{id}", $"/api/indicators/{id}/series?district={district}",
                $"/api/indicators/{id}/breakdown?by=district&year={year}", $"/api/indicators/{id}/breakdown?by=industry&year={year}",
            ]);
        }

        var first = indicators[0].Id;
        urls.AddRange([
            $"/api/indicators/{first}/series.csv", $"/api/indicators/{first}/series.xlsx",
            $"/api/indicators/{first}/breakdown.csv?by=district&year={plans[0].Year}", $"/api/indicators/{first}/breakdown.xlsx?by=district&year={plans[0].Year}",
        ]);

        var failures = new List<string>();
        foreach (var role in new[] { Roles.Analyst, Roles.Admin })
        {
            using var client = factory.As(role);
            foreach (var url in role == Roles.Admin ? [.. urls, "/admin", $"/admin?edit={first}"] : urls)
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{role} {url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_indicators_city_series_is_the_marts_with_its_values()
    {
        using var client = factory.As(Roles.Analyst);
        foreach (var (id, _) in Ids().Indicators)
        {
            var expected = ProductCells.Query(
                $"SELECT year, value FROM mart_indicator WHERE indicator_id = '{id}' AND district_code = 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL' ORDER BY year");
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/{id}/series"));
            var points = doc.RootElement.GetProperty("points").EnumerateArray()
                .Select(p => (p.GetProperty("year").GetInt32(), p.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("value").GetDouble()))
                .ToList();

            Assert.Equal(expected.Select(r => (Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r[1] is null ? (double?)null : Convert.ToDouble(r[1], CultureInfo.InvariantCulture))), points);
            Assert.Contains(points, p => p.Item2 > 0);
        }
    }

    /// <summary>Plans with their last year with data, indicators, districts and industry groups, as the snapshot has them.</summary>
    private static (List<(string Plan, int Year)> Plans, List<(string Id, string Plan)> Indicators, List<(string Plan, string Code)> Districts, List<(string Plan, string Code)> Groups) Ids() =>
    (
        ProductCells.Query("SELECT plan, max(year) FILTER (WHERE value IS NOT NULL) FROM mart_indicator GROUP BY plan ORDER BY plan")
            .Select(r => ((string)r[0]!, Convert.ToInt32(r[1], CultureInfo.InvariantCulture))).ToList(),
        ProductCells.Query("SELECT indicator_id, plan FROM indicator_catalog ORDER BY plan, sort_order").Select(r => ((string)r[0]!, (string)r[1]!)).ToList(),
        ProductCells.Query("SELECT plan, district_code FROM mart_indicator WHERE district_code <> 'ALL' AND value > 0 GROUP BY ALL ORDER BY count(*) DESC, 1, 2")
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList(),
        ProductCells.Query("SELECT plan, industry_group FROM mart_indicator WHERE industry_group <> 'ALL' AND value > 0 GROUP BY ALL ORDER BY count(*) DESC, 1, 2")
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList()
    );
}
