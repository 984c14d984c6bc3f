using Analytics.Snapshots.Worker;

namespace Analytics.Snapshots.Tests;

public sealed class PathScrubberTests
{
    [Theory]
    [InlineData("IO Error: Cannot open file \"/srv/analytics/snapshots/warehouse-1.duckdb\"", "IO Error: Cannot open file \"warehouse-1.duckdb\"")]
    [InlineData("failed to write /srv/analytics/tmp/pool-1/w1/i3/duckdb_temp_storage-0.tmp", "failed to write <temp>/duckdb_temp_storage-0.tmp")]
    [InlineData("Cannot access directory \"/proc/self/root/etc\"", "Cannot access directory \"<path>\"")]
    [InlineData("See also https://duckdb.org/docs/stable/guides/performance", "See also https://duckdb.org/docs/stable/guides/performance")]
    [InlineData("Catalog Error: Table with name nosuch does not exist!", "Catalog Error: Table with name nosuch does not exist!")]
    [InlineData("Conversion Error: could not convert string 'a/b' to INT32", "Conversion Error: could not convert string 'a/b' to INT32")]
    public void Server_paths_leave_messages_and_the_rest_stays(string message, string scrubbed)
    {
        Assert.Equal(scrubbed, PathScrubber.Scrub(message, "/srv/analytics/snapshots/warehouse-1.duckdb", "/srv/analytics/tmp/pool-1/w1/i3"));
    }
}
