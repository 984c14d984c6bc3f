using System.Text.Json;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

/// <summary>The seal a publish records, the checks readers make with it, and the fallback past a damaged current snapshot.</summary>
public sealed class SnapshotIntegrityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Two published snapshots, the older first; returns (older, current).</summary>
    private static (string Older, string Current) PublishTwo(string folder)
    {
        var older = TestSnapshot.Publish(folder);
        Thread.Sleep(5); // names carry the build time to the millisecond: the second sorts after the first
        var current = TestSnapshot.Publish(folder);
        Assert.Equal(current, SnapshotResolver.Resolve(folder));
        return (older, current);
    }

    private static void Truncate(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.SetLength(stream.Length / 2);
    }

    [Fact]
    public void The_publish_records_the_files_size_and_sha256_in_current_json_and_the_sidecar()
    {
        var folder = _temp.PathOf("snapshots");
        var file = TestSnapshot.Publish(folder);
        var expected = SnapshotSeal.Compute(file);

        Assert.Equal(new FileInfo(file).Length, expected.Size);
        Assert.Equal(expected, SnapshotSeal.Read(Path.Combine(folder, SnapshotResolver.PointerFileName)));
        Assert.Equal(expected, SnapshotSeal.Read(Path.ChangeExtension(file, ".json")));
        Assert.True(SnapshotResolver.TryChoose(folder, out var choice, out _));
        Assert.Equal(expected, choice.Seal);
        Assert.Null(choice.Fallback);
        Assert.Null(SnapshotIntegrity.QuickCheck(file, expected));
        Assert.Null(SnapshotIntegrity.FullCheck(file, expected));
    }

    [Fact]
    public void A_truncated_current_snapshot_falls_back_to_the_newest_intact_older_one_with_a_warning()
    {
        var folder = _temp.PathOf("snapshots");
        var (older, current) = PublishTwo(folder);
        Truncate(current);

        Assert.True(SnapshotResolver.TryChoose(folder, out var choice, out _));
        Assert.Equal(older, choice.File);
        Assert.Equal(Path.GetFileName(current), choice.Fallback!.Wanted);
        Assert.Contains("truncated", choice.Fallback.Reason, StringComparison.Ordinal);

        using var warnings = new StringWriter();
        Assert.Equal(older, SnapshotResolver.Resolve(folder, warnings));
        Assert.Contains("warning: the current snapshot " + Path.GetFileName(current) + " is damaged", warnings.ToString(), StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(older) + " instead", warnings.ToString(), StringComparison.Ordinal);
        Assert.Equal(42, Convert.ToInt32(TestSnapshot.Scalar(SnapshotResolver.Resolve(folder, TextWriter.Null), "SELECT 42"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_file_without_duckdbs_header_is_damaged_even_without_a_seal()
    {
        var folder = _temp.PathOf("snapshots");
        var (older, current) = PublishTwo(folder);
        using (var stream = new FileStream(current, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 8;
            stream.Write("XXXX"u8);
        }

        Assert.Contains("header", SnapshotIntegrity.QuickCheck(current, null), StringComparison.Ordinal);
        Assert.Equal(older, SnapshotResolver.Resolve(folder, TextWriter.Null));
    }

    [Fact]
    public void With_nothing_intact_left_there_is_no_snapshot_and_the_reason_says_so()
    {
        var folder = _temp.PathOf("snapshots");
        var (older, current) = PublishTwo(folder);
        Truncate(current);
        Truncate(older);

        var ex = Assert.Throws<SnapshotNotFoundException>(() => SnapshotResolver.Resolve(folder, TextWriter.Null));

        Assert.Contains(Path.GetFileName(current), ex.Message, StringComparison.Ordinal);
        Assert.Contains("no intact older snapshot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fallback_is_never_to_a_newer_file_than_the_current_one()
    {
        var folder = _temp.PathOf("snapshots");
        var (older, current) = PublishTwo(folder);
        // current.json names the older one, as if the newer one's publish never completed.
        var pointer = Path.Combine(folder, SnapshotResolver.PointerFileName);
        File.Copy(Path.ChangeExtension(older, ".json"), pointer, overwrite: true);
        Truncate(older);

        Assert.False(SnapshotResolver.TryChoose(folder, out _, out var problem));
        Assert.Contains("no intact older snapshot", problem, StringComparison.Ordinal);
        Assert.True(File.Exists(current));
    }

    [Fact]
    public void A_damage_the_caller_knows_of_is_a_reason_to_fall_back_too()
    {
        var folder = _temp.PathOf("snapshots");
        var (older, current) = PublishTwo(folder);

        Assert.True(SnapshotResolver.TryChoose(folder, out var choice, out _, f => f == current ? "it could not be opened" : null));

        Assert.Equal(older, choice.File);
        Assert.Equal("it could not be opened", choice.Fallback!.Reason);
    }

    [Fact]
    public void A_file_of_the_right_size_with_a_changed_byte_passes_the_quick_check_and_fails_the_full_hash()
    {
        var folder = _temp.PathOf("snapshots");
        var file = TestSnapshot.Publish(folder);
        var seal = SnapshotSeal.Read(Path.Combine(folder, SnapshotResolver.PointerFileName))!;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length - 1;
            var last = stream.ReadByte();
            stream.Position = stream.Length - 1;
            stream.WriteByte((byte)(last ^ 0xFF));
        }

        Assert.Null(SnapshotIntegrity.QuickCheck(file, seal));
        Assert.Contains("SHA-256", SnapshotIntegrity.FullCheck(file, seal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_a_seal_reads_as_none()
    {
        using var json = JsonDocument.Parse("""{"snapshot": "warehouse-x.duckdb"}""");
        Assert.Null(SnapshotSeal.Of(json.RootElement));
        Assert.Null(SnapshotSeal.Read(_temp.PathOf("missing.json")));
    }
}
