using System.Security.Cryptography;
using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Tests.Sources;

public sealed class FolderPullTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _extracts;
    private readonly LandingArea _landing;

    public FolderPullTests()
    {
        _extracts = Path.Combine(_temp.Path, "extracts");
        _landing = new LandingArea(Path.Combine(_temp.Path, "landing"));
    }

    public void Dispose() => _temp.Dispose();

    private SourceDefinition Registry(params string[] include) => new()
    {
        Name = "hz-registry",
        Feed = FeedKind.Registry,
        Folder = _extracts,
        Include = include,
        Encoding = TextEncodingHint.Gbk,
        AsOf = new DateOnly(2024, 12, 31),
        ConfigFile = "/cfg/sources.json",
        JsonPath = "$.sources[0]",
    };

    private async Task<PullReport> PullAsync(params SourceDefinition[] sources)
    {
        using var puller = new SourcePuller(_landing);
        return await puller.PullAsync(sources);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string[] LandingFiles() =>
        Directory.EnumerateFiles(_landing.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_landing.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Globs_select_files_in_nested_folders_and_land_them_byte_for_byte()
    {
        var a = Encoding.UTF8.GetBytes("统一社会信用代码,企业名称\n91330100MA27XXXX0A,甲\n");
        var b = new byte[] { 0xC6, 0xF3, 0xD2, 0xB5, 0x0A }; // "企业" in GBK: bytes, not text, are landed
        _temp.Write("extracts/hz/registry/a.csv", a);
        _temp.Write("extracts/hz/registry/2024/12/b.CSV", b);
        _temp.Write("extracts/hz/registry/readme.txt", "not data");
        _temp.Write("extracts/hz/registry/~$a.csv", "excel owner file");
        _temp.Write("extracts/hz/patents/p.csv", "another feed");

        var report = await PullAsync(Registry("*/registry/**/*.csv"));

        Assert.True(report.Succeeded);
        Assert.Equal(2, report.New);
        Assert.Equal(a.Length + b.Length, report.BytesLanded);
        Assert.Equal(
            new[] { "index.jsonl", $"registry/{Sha256(a)}/a.csv", $"registry/{Sha256(b)}/b.CSV" }.Order(StringComparer.Ordinal),
            LandingFiles());
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(_landing.Root, "registry", Sha256(a), "a.csv")));
        Assert.Equal(b, File.ReadAllBytes(Path.Combine(_landing.Root, "registry", Sha256(b), "b.CSV")));

        var index = _landing.ReadIndex();
        Assert.Equal(2, index.Count);
        var first = index.Single(e => e.OriginalName == "a.csv");
        Assert.Equal("hz-registry", first.Source);
        Assert.Equal(FeedKind.Registry, first.Feed);
        Assert.Equal(Path.Combine(_extracts, "hz", "registry", "a.csv"), first.Origin);
        Assert.Equal(Sha256(a), first.Sha256);
        Assert.Equal(a.Length, first.Length);
        Assert.Equal(TextEncodingHint.Gbk, first.Encoding);
        Assert.Equal(new DateOnly(2024, 12, 31), first.AsOf);
        Assert.Null(first.ETag);
        Assert.True(first.FetchedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Index_lines_use_the_canonical_snake_case_names()
    {
        _temp.Write("extracts/rd/企业研发投入.csv", "x");
        var source = Registry("rd/*.csv") with { Feed = FeedKind.RdSpend, AsOf = null, Encoding = TextEncodingHint.Utf8 };

        await PullAsync(source);

        var line = Assert.Single(File.ReadAllLines(_landing.IndexPath));
        Assert.Contains("\"feed\":\"rd_spend\"", line, StringComparison.Ordinal);
        Assert.Contains("\"original_name\":\"企业研发投入.csv\"", line, StringComparison.Ordinal);
        Assert.Contains("\"encoding\":\"utf-8\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("etag", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pulling_the_same_content_twice_changes_nothing()
    {
        _temp.Write("extracts/hz/registry/a.csv", "a");
        _temp.Write("extracts/hz/registry/sub/b.csv", "b");
        await PullAsync(Registry("**/*.csv"));
        var filesBefore = LandingFiles();
        var indexBefore = File.ReadAllBytes(_landing.IndexPath);
        var landedAt = File.GetLastWriteTimeUtc(Path.Combine(_landing.Root, "registry", Sha256("a"u8.ToArray()), "a.csv"));

        var report = await PullAsync(Registry("**/*.csv"));

        Assert.Equal(0, report.New);
        Assert.Equal(2, report.Unchanged);
        Assert.Equal(0, report.BytesLanded);
        Assert.Equal(filesBefore, LandingFiles());
        Assert.Equal(indexBefore, File.ReadAllBytes(_landing.IndexPath));
        Assert.Equal(landedAt, File.GetLastWriteTimeUtc(Path.Combine(_landing.Root, "registry", Sha256("a"u8.ToArray()), "a.csv")));
    }

    [Fact]
    public async Task The_same_content_under_another_name_is_not_landed_again()
    {
        _temp.Write("extracts/a.csv", "same");
        _temp.Write("extracts/copy-of-a.csv", "same");

        var report = await PullAsync(Registry("*.csv"));

        Assert.Equal([PullOutcome.New, PullOutcome.Unchanged], report.Files.Select(f => f.Outcome));
        Assert.Single(_landing.ReadIndex());
        Assert.Contains("already landed as registry/", report.Files.Last().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_file_lands_under_its_new_sha256_beside_the_old_one()
    {
        var path = _temp.Write("extracts/a.csv", "version 1");
        await PullAsync(Registry("*.csv"));
        File.WriteAllText(path, "version 2");

        var report = await PullAsync(Registry("*.csv"));

        var result = Assert.Single(report.Files);
        Assert.Equal(PullOutcome.New, result.Outcome);
        Assert.Equal(Sha256("version 2"u8.ToArray()), result.Entry!.Sha256);
        Assert.Equal(
            [Sha256("version 1"u8.ToArray()), Sha256("version 2"u8.ToArray())],
            _landing.ReadIndex().Select(e => e.Sha256));
        Assert.True(File.Exists(Path.Combine(_landing.Root, "registry", Sha256("version 1"u8.ToArray()), "a.csv")));
    }

    [Fact]
    public async Task A_missing_folder_fails_the_source_with_its_path_and_what_to_do()
    {
        var source = Registry("*.csv") with { Folder = Path.Combine(_temp.Path, "no-such-folder") };
        _temp.Write("extracts/a.csv", "a");

        var report = await PullAsync(source, Registry("*.csv") with { Name = "other" });

        Assert.False(report.Succeeded);
        Assert.Equal(1, report.FailedSources);
        var error = report.Sources[0].Error!;
        Assert.Contains(Path.Combine(_temp.Path, "no-such-folder"), error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Contains("$.sources[0].folder", error, StringComparison.Ordinal);
        Assert.Equal(1, report.Sources[1].New); // the other source is still pulled
    }

    [Fact]
    public async Task No_matching_file_is_a_warning_not_a_failure()
    {
        Directory.CreateDirectory(_extracts);

        var report = await PullAsync(Registry("*.csv"));

        Assert.True(report.Succeeded);
        Assert.Contains("no file under", report.Sources[0].Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exclude_patterns_leave_files_out()
    {
        _temp.Write("extracts/a.csv", "a");
        _temp.Write("extracts/old/b.csv", "b");

        var report = await PullAsync(Registry("**/*.csv") with { Exclude = ["old/**"] });

        Assert.Equal(["a.csv"], report.Files.Select(f => f.Entry!.OriginalName));
    }

    [Fact]
    public async Task A_file_that_differs_from_the_configured_sha256_is_refused()
    {
        _temp.Write("extracts/a.csv", "actual");
        var source = Registry("a.csv") with { ExpectedSha256 = Sha256("expected"u8.ToArray()) };

        var report = await PullAsync(source);

        var result = Assert.Single(report.Files);
        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Contains("Refused", result.Reason, StringComparison.Ordinal);
        Assert.Contains("$.sources[0].sha256", result.Reason, StringComparison.Ordinal);
        Assert.Equal(["index.jsonl"], LandingFiles().Where(f => f != "index.jsonl").Append("index.jsonl"));
        Assert.Empty(_landing.ReadIndex());
    }

    [Fact]
    public async Task A_landed_file_missing_from_the_index_after_a_crash_is_recorded_by_the_next_pull()
    {
        _temp.Write("extracts/a.csv", "a");
        await PullAsync(Registry("*.csv"));
        var line = File.ReadAllText(_landing.IndexPath);
        File.WriteAllText(_landing.IndexPath, line[..(line.Length / 2)]); // a torn append

        var report = await PullAsync(Registry("*.csv"));

        Assert.Equal(PullOutcome.New, Assert.Single(report.Files).Outcome);
        Assert.Equal(Sha256("a"u8.ToArray()), Assert.Single(_landing.ReadIndex()).Sha256);
    }

    [Fact]
    public void A_second_pull_into_the_same_landing_area_is_refused_while_the_first_runs()
    {
        using var first = LandingSession.Open(_landing);

        var e = Assert.Throws<IOException>(() => LandingSession.Open(_landing));

        Assert.Contains("in use by another pull", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_reports_each_file_from_start_to_finish()
    {
        _temp.Write("extracts/a.csv", "abc");
        var reports = new List<PullProgress>();
        using var puller = new SourcePuller(_landing);

        await puller.PullAsync([Registry("*.csv")], new SynchronousProgress<PullProgress>(reports.Add));

        Assert.Equal([PullStage.Hashing, PullStage.Copying, PullStage.Finished], reports.Select(r => r.Stage).Distinct());
        Assert.Equal(3, reports.Last(r => r.Stage == PullStage.Copying).BytesDone);
    }

    [Fact]
    public async Task Cancellation_stops_the_pull_and_leaves_no_partial_file()
    {
        _temp.Write("extracts/a.csv", "a");
        using var puller = new SourcePuller(_landing);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => puller.PullAsync([Registry("*.csv")], cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(_landing.ReadIndex());
    }
}
