using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;

namespace Analytics.Etl.Tests.Reading;

public sealed class ReadAheadTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Reading_ahead_on_another_thread_gives_exactly_the_same_rows_and_rejections()
    {
        var csv = new RegistryCsv();
        for (var i = 1; i <= 3000; i++)
        {
            // Every 7th row is dirty in some way, every 11th repeats an earlier one: batches of 512 rows are crossed.
            if (i % 7 == 0)
            {
                csv.Row(i, ("从业人员", "-1"));
            }
            else if (i % 11 == 0)
            {
                csv.Row(i - 1);
            }
            else
            {
                csv.Row(i, ("企业名称", $"名称,带逗号{i}"));
            }
        }

        var path = csv.Write(folder);
        var ahead = Loads.Run(FeedKind.Registry, path, new FeedReadOptions { ReadAhead = true });
        var inline = Loads.Run(FeedKind.Registry, path, new FeedReadOptions { ReadAhead = false });

        Assert.Equal(inline.Result.RowsAccepted, ahead.Result.RowsAccepted);
        Assert.Equal(inline.Sink.RowNumbers, ahead.Sink.RowNumbers);
        Assert.Equal(inline.Sink.Rows.SelectMany(r => r), ahead.Sink.Rows.SelectMany(r => r));
        Assert.Equal(inline.Sink.Rejections, ahead.Sink.Rejections);
        Assert.NotEmpty(ahead.Sink.Rejections);
    }

    [Fact]
    public async Task A_sink_that_throws_stops_the_load_without_leaving_the_reading_thread_blocked()
    {
        var csv = new RegistryCsv();
        for (var i = 1; i <= 5000; i++)
        {
            csv.Row(i);
        }

        var path = csv.Write(folder);
        var load = Task.Run(() => FeedLoader.Read(FeedKind.Registry, path, new ThrowingSink()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => load.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("the lake is full", error.Message);
    }

    private sealed class ThrowingSink : IFeedSink
    {
        public void Accept(FeedRecord record) => throw new InvalidOperationException("the lake is full");

        public void Quarantine(Rejection rejection)
        {
        }

        public void Withdraw(long acceptedIndex, Rejection rejection)
        {
        }
    }
}
