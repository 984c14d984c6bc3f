namespace Analytics.DuckDb.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Threads_with_their_own_connections_write_and_read_one_file_consistently()
    {
        const int threads = 8, rowsPerThread = 300;
        using var temp = new TempDirectory();
        var path = temp.File("shared.duckdb");
        using (var setup = Sql.OpenFile(path))
        {
            setup.Execute("CREATE TABLE events (thread INTEGER, seq INTEGER, label VARCHAR)");
        }

        using var start = new Barrier(threads);
        var errors = new List<Exception>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                using var connection = Sql.OpenFile(path);
                start.SignalAndWait();
                for (var i = 0; i < rowsPerThread; i++)
                {
                    using var insert = connection.CreateCommand("INSERT INTO events VALUES ($t, $i, $label)");
                    insert.Parameters.Add("t", t);
                    insert.Parameters.Add("i", i);
                    insert.Parameters.Add("label", $"线程{t}-{i}");
                    Assert.Equal(1, insert.ExecuteNonQuery());

                    if (i % 50 == 49)
                    {
                        // A thread sees all of its own committed rows, whatever the others are doing.
                        Assert.Equal((long)(i + 1), connection.Scalar("SELECT count(*) FROM events WHERE thread = $1", t));
                    }
                }
            }
            catch (Exception ex)
            {
                lock (errors)
                {
                    errors.Add(ex);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(errors);
        using var check = Sql.OpenFile(path);
        Assert.Equal((long)threads * rowsPerThread, check.Scalar("SELECT count(*) FROM events"));
        Assert.Equal((long)threads, check.Scalar("SELECT count(DISTINCT thread) FROM events"));
        var expectedSeqSum = (Int128)threads * (rowsPerThread * (rowsPerThread - 1) / 2);
        Assert.Equal(expectedSeqSum, check.Scalar("SELECT sum(seq) FROM events"));
        Assert.Equal(0L, check.Scalar("SELECT count(*) FROM events WHERE label <> '线程' || thread || '-' || seq"));
    }

    [Fact]
    public void A_second_command_while_a_reader_is_open_is_an_InvalidOperation()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT i FROM range(10000) t(i)");
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());

            var ex = Assert.Throws<InvalidOperationException>(() => connection.Scalar("SELECT 1"));
            Assert.Contains("DuckDbDataReader", ex.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
            Assert.True(reader.Read());
            Assert.Equal(1L, reader.GetInt64(0));
        }

        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void One_connection_used_from_two_threads_at_once_throws_instead_of_crashing()
    {
        using var connection = Sql.OpenMemory();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var longRunning = connection.CreateCommand("SELECT sum(i % 7) FROM range(10000000000000) t(i)");
        Exception? workerOutcome = null;
        var worker = new Thread(() =>
        {
            // Retry when the main thread's probe holds the connection at the moment the worker starts.
            while (true)
            {
                try
                {
                    longRunning.ExecuteReader(System.Data.CommandBehavior.Default, cts.Token).Dispose();
                    return;
                }
                catch (InvalidOperationException)
                {
                    Thread.Sleep(10);
                }
                catch (Exception ex)
                {
                    workerOutcome = ex;
                    return;
                }
            }
        });
        worker.Start();

        InvalidOperationException? refused = null;
        while (refused is null && !cts.IsCancellationRequested)
        {
            try
            {
                connection.Scalar("SELECT 1");
                Thread.Sleep(20);
            }
            catch (InvalidOperationException ex)
            {
                refused = ex;
            }
        }

        cts.Cancel();
        worker.Join();

        Assert.NotNull(refused);
        Assert.Contains("connection", refused.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(workerOutcome);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
        longRunning.Dispose();
    }
}
