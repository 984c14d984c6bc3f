using Analytics.Etl.Contracts;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

public sealed class LakePublishTests : IDisposable
{
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Writes a registry, a patents and an R&amp;D file, each with good and bad rows, and loads them.</summary>
    private (BatchManifest Manifest, string Registry, string Patents, string RdSpend) LoadThreeFeeds()
    {
        var registry = folder.WriteText("registry_2016-12-31.csv", Extracts.Registry(
            Extracts.RegistryRow(Extracts.Credit(1), revenue: "1234.5", founded: "2010-05-06"),
            "",
            Extracts.RegistryRow(Extracts.WrongCheck(Extracts.Credit(3))),
            Extracts.RegistryRow(Extracts.Credit(2), revenue: "98.76", founded: "2012/3/4")), LakeFolder.Gbk);
        var patents = folder.WriteText("patents.jsonl",
            Extracts.PatentLine(Extracts.Patent(2019, 1, 123), $"[\"{Extracts.Credit(1)}\",\"张三\"]") + "\n" +
            "{\"application_no\": \n", LakeFolder.Utf8NoBom);
        var rdSpend = folder.WriteText("rd_spend.csv", Extracts.RdSpend(
            $"{Extracts.Credit(1)},2016,120.5,1500.25",
            $"{Extracts.Credit(2)},2016,abc,1500"), LakeFolder.Utf8Bom);

        var manifest = folder.Loader().Load([
            LakeFolder.Input(FeedKind.Registry, registry),
            LakeFolder.Input(FeedKind.Patents, patents),
            LakeFolder.Input(FeedKind.RdSpend, rdSpend),
        ]);
        return (manifest, registry, patents, rdSpend);
    }

    [Fact]
    public void A_load_publishes_one_batch_folder_with_parquet_by_feed_and_year_quarantine_and_manifest()
    {
        var (manifest, _, _, _) = LoadThreeFeeds();

        Assert.Equal("published", manifest.Status);
        var batch = folder.Layout.BatchFolder(manifest.BatchId);
        Assert.Equal(["load=" + manifest.BatchId], folder.BatchFolders());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(batch, "feed=registry", "year=2016"), "*.parquet"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(batch, "feed=patents", "year=2019"), "*.parquet"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(batch, "feed=rd_spend", "year=2016"), "*.parquet"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(batch, "quarantine"), "*.parquet"));
        Assert.True(File.Exists(Path.Combine(batch, "manifest.json")));
        Assert.Empty(folder.StagingEntries());
        Assert.Single(folder.LoadRecords("published"));
    }

    [Fact]
    public void The_lake_holds_exactly_the_accepted_rows_with_their_values()
    {
        var (_, registry, _, _) = LoadThreeFeeds();

        var rows = LakeFolder.Query(
            $"SELECT credit_code, revenue, founded_on, as_of, year, source_file, sha256, source_row FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Registry))} ORDER BY credit_code");

        Assert.Equal(2, rows.Count);
        Assert.Equal(Extracts.Credit(1), rows[0][0]);
        Assert.Equal(1234.5m, rows[0][1]);
        Assert.Equal(new DateOnly(2010, 5, 6), rows[0][2]);
        Assert.Equal(new DateOnly(2016, 12, 31), rows[0][3]);
        Assert.Equal(2016L, Convert.ToInt64(rows[0][4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("registry_2016-12-31.csv", rows[0][5]);
        Assert.Equal(LakeFolder.Sha256Of(registry), rows[0][6]);
        Assert.Equal(2L, rows[0][7]);
        Assert.Equal(Extracts.Credit(2), rows[1][0]);
        Assert.Equal(98.76m, rows[1][1]);
        Assert.Equal(new DateOnly(2012, 3, 4), rows[1][2]);
        Assert.Equal(5L, rows[1][7]);
    }

    [Fact]
    public void A_value_normalisation_changed_leaves_its_note_with_the_row_and_a_count_in_the_manifest()
    {
        // 0 typed as the letter O (fixed: the check then holds), and a district written as its name.
        var oForZero = Extracts.Credit(7).Replace("91500000", "915OOOOO", StringComparison.Ordinal);
        var named = Extracts.RegistryRow(Extracts.Credit(8)).Replace(",500120,", ",璧山区,", StringComparison.Ordinal);
        var registry = folder.WriteText("registry_2016-12-31.csv", Extracts.Registry(
            Extracts.RegistryRow(oForZero), named, Extracts.RegistryRow(Extracts.Credit(9))), LakeFolder.Gbk);

        var manifest = folder.Loader().Load([LakeFolder.Input(FeedKind.Registry, registry)]);

        var rows = LakeFolder.Query(
            $"SELECT credit_code, array_to_string(notes, ' ') FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Registry))} ORDER BY credit_code");
        Assert.Equal(3, rows.Count);
        Assert.Equal((Extracts.Credit(7), "credit_code_o_for_zero"), ((string)rows[0][0]!, (string?)rows[0][1]));
        Assert.Equal((Extracts.Credit(8), "district_name_mapped"), ((string)rows[1][0]!, (string?)rows[1][1]));
        Assert.Null(rows[2][1]);
        var file = Assert.Single(manifest.Files);
        Assert.Equal(1, file.NotesByKind["credit_code_o_for_zero"]);
        Assert.Equal(1, file.NotesByKind["district_name_mapped"]);
    }

    [Fact]
    public void A_patents_applicants_list_survives_the_lake_in_order()
    {
        LoadThreeFeeds();

        var rows = LakeFolder.Query(
            $"SELECT application_no, applicants, application_date FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Patents))}");

        var row = Assert.Single(rows);
        Assert.Equal(Extracts.Patent(2019, 1, 123), row[0]);
        var applicants = Assert.IsType<List<string?>>(row[1]);
        Assert.Equal([Extracts.Credit(1), "张三"], applicants);
        Assert.Equal(new DateOnly(2019, 3, 4), row[2]);
    }

    [Fact]
    public void A_patent_carries_its_applicants_credit_codes_in_step_with_its_applicants()
    {
        // A code, the same rule's O for 0 (fixed: the check then holds), a wrong check character and a person.
        var oForZero = Extracts.Credit(7).Replace("91500000", "915OOOOO", StringComparison.Ordinal);
        var wrong = Extracts.WrongCheck(Extracts.Credit(8));
        var patents = folder.WriteText("patents.jsonl", Extracts.PatentLine(Extracts.Patent(2019, 1, 123),
            $"[\"{Extracts.Credit(1)}\",\"{oForZero}\",\"{wrong}\",\"张三\"]") + "\n", LakeFolder.Utf8NoBom);

        folder.Loader().Load([LakeFolder.Input(FeedKind.Patents, patents)]);

        var row = Assert.Single(LakeFolder.Query(
            $"SELECT applicants, applicant_credit_codes FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Patents))}"));
        Assert.Equal([Extracts.Credit(1), Extracts.Credit(7), wrong, "张三"], Assert.IsType<List<string?>>(row[0]));
        Assert.Equal([Extracts.Credit(1), Extracts.Credit(7), null, null], Assert.IsType<List<string?>>(row[1]));
    }

    [Fact]
    public void The_rd_spend_year_column_becomes_the_partition_and_reads_back()
    {
        LoadThreeFeeds();

        var rows = LakeFolder.Query(
            $"SELECT credit_code, CAST(year AS INTEGER), rd_expense, main_business_revenue FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.RdSpend))}");

        var row = Assert.Single(rows);
        Assert.Equal((Extracts.Credit(1), 2016, 120.5m, 1500.25m), ((string)row[0]!, (int)row[1]!, (decimal)row[2]!, (decimal)row[3]!));
    }

    [Fact]
    public void The_quarantine_holds_each_rejected_row_with_file_row_raw_text_rule_and_message()
    {
        LoadThreeFeeds();

        var rows = LakeFolder.Query(
            $"SELECT feed, source_file, row_number, raw_row, rule, message FROM {LakeFolder.ReadParquet(folder.Layout.QuarantineGlob)} ORDER BY feed");

        Assert.Equal(3, rows.Count);
        Assert.Equal(("patents", "patents.jsonl", 2L, "{\"application_no\": ", "json_malformed"),
            ((string)rows[0][0]!, (string)rows[0][1]!, (long)rows[0][2]!, (string)rows[0][3]!, (string)rows[0][4]!));
        Assert.Equal(("rd_spend", "rd_spend.csv", 3L, "number_unparseable"),
            ((string)rows[1][0]!, (string)rows[1][1]!, (long)rows[1][2]!, (string)rows[1][4]!));
        Assert.Equal($"{Extracts.Credit(2)},2016,abc,1500", rows[1][3]);
        Assert.Equal(("registry", "registry_2016-12-31.csv", 4L, "credit_code_check_digit"),
            ((string)rows[2][0]!, (string)rows[2][1]!, (long)rows[2][2]!, (string)rows[2][4]!));
        Assert.Equal(Extracts.RegistryRow(Extracts.WrongCheck(Extracts.Credit(3))), rows[2][3]);
        Assert.All(rows, r => Assert.Contains("[rule " + r[4] + "]", (string)r[5]!, StringComparison.Ordinal));
    }

    [Fact]
    public void The_manifest_accounts_for_every_row_read_per_file()
    {
        var (manifest, registry, _, _) = LoadThreeFeeds();

        var written = BatchManifest.Read(Path.Combine(folder.Layout.BatchFolder(manifest.BatchId), "manifest.json"));

        Assert.Equal(manifest.BatchId, written.BatchId);
        Assert.Equal("published", written.Status);
        Assert.Equal(3, written.Files.Count);
        Assert.All(written.Files, f => Assert.Equal(f.RowsRead, f.RowsLoaded + f.RowsQuarantined + f.RowsSkippedBlank));
        var reg = Assert.Single(written.Files, f => f.Feed == "registry");
        Assert.Equal((4L, 2L, 1L, 1L), (reg.RowsRead, reg.RowsLoaded, reg.RowsQuarantined, reg.RowsSkippedBlank));
        Assert.Equal(LakeFolder.Sha256Of(registry), reg.Sha256);
        Assert.Equal(1L, reg.QuarantinedByRule["credit_code_check_digit"]);
        Assert.Equal((4L, 3L), (written.RowsLoaded, written.RowsQuarantined));
        Assert.Equal(written.RowsLoaded, LakeFolder.Query(
            $"SELECT count(*) FROM {LakeFolder.ReadParquet(Path.Combine(folder.Layout.Root, "load=*", "feed=*", "*", "*.parquet"))}").Single()[0] is long n ? n : -1);
    }

    [Fact]
    public void A_conflicting_key_is_withdrawn_from_the_lake_and_every_copy_is_quarantined_with_its_raw_row()
    {
        // Two files, so the withdrawn row of the second sits after the first file's rows in staging.
        var first = folder.WriteText("registry_2015-12-31.csv", Extracts.Registry(
            Extracts.RegistryRow(Extracts.Credit(1)).Replace("2016-12-31", "2015-12-31", StringComparison.Ordinal)), LakeFolder.Gbk);
        var second = folder.WriteText("registry_2016-12-31.csv", Extracts.Registry(
            Extracts.RegistryRow(Extracts.Credit(1)),
            Extracts.RegistryRow(Extracts.Credit(2)),
            Extracts.RegistryRow(Extracts.Credit(1), revenue: "99"),
            Extracts.RegistryRow(Extracts.Credit(2))), LakeFolder.Gbk);

        var manifest = folder.Loader().Load([LakeFolder.Input(FeedKind.Registry, first), LakeFolder.Input(FeedKind.Registry, second)]);

        var loaded = LakeFolder.Query(
            $"SELECT credit_code, year(as_of), source_row FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Registry))} ORDER BY 2, 1");
        Assert.Equal([(Extracts.Credit(1), 2015L, 2L), (Extracts.Credit(2), 2016L, 3L)],
            loaded.Select(r => ((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), (long)r[2]!)));
        var quarantined = LakeFolder.Query(
            $"SELECT row_number, rule, raw_row FROM {LakeFolder.ReadParquet(folder.Layout.QuarantineGlob)} ORDER BY row_number");
        Assert.Equal([(2L, "duplicate_key_conflict"), (4L, "duplicate_key_conflict"), (5L, "duplicate_row")],
            quarantined.Select(r => ((long)r[0]!, (string)r[1]!)));
        Assert.Equal(Extracts.RegistryRow(Extracts.Credit(1)), quarantined[0][2]);
        var file = manifest.Files.Single(f => f.File == "registry_2016-12-31.csv");
        Assert.Equal((4L, 1L, 3L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
    }
}
