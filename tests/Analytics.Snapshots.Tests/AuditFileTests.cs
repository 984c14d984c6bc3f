using System.Text;
using System.Text.Json;
using Analytics.Snapshots.Audit;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

/// <summary>
/// Dashboard replicas and the command append to one audit file: every line must arrive whole, none overwritten.
/// Each writer here has its own <see cref="AuditFile"/> (its own descriptor, no shared lock), as separate processes do.
/// </summary>
public sealed class AuditFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writers_with_their_own_handles_lose_no_line_and_interleave_none()
    {
        const int writers = 4;
        const int lines = 2500;
        var path = _temp.PathOf("logs/shared.jsonl");
        var padding = new string('审', 60);

        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            var file = new AuditFile(path, "test log", maxBytes: long.MaxValue);
            for (var i = 0; i < lines; i++)
            {
                file.Append(Encoding.UTF8.GetBytes($$"""{"writer":{{w}},"line":{{i}},"pad":"{{padding}}"}"""));
            }
        });

        var seen = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("writer").GetInt32(), e.GetProperty("line").GetInt32())).ToHashSet();
        Assert.Equal(writers * lines, seen.Count);
    }
}
