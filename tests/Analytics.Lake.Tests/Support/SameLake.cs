using System.Globalization;
using System.Text.Json;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Lake.Tests.Support;

/// <summary>
/// Asserts that two loads of the same files published the same lake: the same manifest (files in order, counts,
/// warnings), the same rows in every feed and the same quarantine, compared as sorted content (the order inside
/// Parquet files is not part of the lake).
/// </summary>
internal static class SameLake
{
    public static void Assert(BatchManifest one, LakeFolder first, BatchManifest two, LakeFolder second)
    {
        Xunit.Assert.Equal("published", one.Status);
        Xunit.Assert.Equal("published", two.Status);
        Xunit.Assert.Equal(one.BatchId, two.BatchId);
        Xunit.Assert.Equal(Json(one.Files), Json(two.Files));
        Xunit.Assert.True(one.RowsQuarantined > 0);

        foreach (var feed in Enum.GetValues<FeedKind>())
        {
            if (one.Files.Any(f => f.Feed == feed.ToName() && f.RowsLoaded > 0))
            {
                Rows(LakeFolder.ReadParquet(first.Layout.FeedGlob(feed)), LakeFolder.ReadParquet(second.Layout.FeedGlob(feed)));
            }
        }

        Rows(LakeFolder.ReadParquet(first.Layout.QuarantineGlob), LakeFolder.ReadParquet(second.Layout.QuarantineGlob));
    }

    /// <summary>Same multiset of rows: each side's rows minus the other's (EXCEPT ALL) is empty, and the counts agree.</summary>
    public static void Rows(string a, string b)
    {
        var counts = LakeFolder.Query($"SELECT (SELECT count(*) FROM {a}), (SELECT count(*) FROM {b})").Single();
        Xunit.Assert.Equal(counts[0], counts[1]);
        Xunit.Assert.NotEqual(0L, Convert.ToInt64(counts[0], CultureInfo.InvariantCulture));
        Xunit.Assert.Empty(LakeFolder.Query($"SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b}"));
        Xunit.Assert.Empty(LakeFolder.Query($"SELECT * FROM {b} EXCEPT ALL SELECT * FROM {a}"));
    }

    private static string Json(IReadOnlyList<FileManifest> files) => JsonSerializer.Serialize(files);
}
