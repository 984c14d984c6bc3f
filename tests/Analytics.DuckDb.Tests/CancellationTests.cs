using System.Data;
using System.Diagnostics;

namespace Analytics.DuckDb.Tests;

/// <summary>Each test stops a query that would run for hours; the bound of 60 s only catches a cancel that never lands.</summary>
[Collection(SerialCollection.Name)]
public sealed class CancellationTests
{
    private const string Endless = "SELECT sum(i % 7) FROM range(10000000000000) t(i)";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_cancelled_token_stops_the_query_and_the_connection_still_works()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(Endless);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var ex = Assert.ThrowsAny<OperationCanceledException>(() => command.ExecuteReader(CommandBehavior.Default, cts.Token).Dispose());

        Assert.True(watch.Elapsed < Bound, $"Cancelling took {watch.Elapsed}.");
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public async Task A_cancelled_token_stops_an_async_scalar()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(Endless);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.ExecuteScalarAsync(cts.Token));
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void An_already_cancelled_token_stops_the_command_before_it_starts()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT 1");

        Assert.ThrowsAny<OperationCanceledException>(() => command.ExecuteReader(CommandBehavior.Default, new CancellationToken(canceled: true)));
        Assert.Equal(1, command.ExecuteScalar());
    }

    [Fact]
    public void Cancel_from_another_thread_stops_the_query()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(Endless);
        var watch = Stopwatch.StartNew();
        Exception? caught = null;
        var worker = new Thread(() =>
        {
            try
            {
                command.ExecuteScalar();
            }
            catch (Exception ex)
            {
                caught = ex;
            }
        });
        worker.Start();

        // Cancel does nothing until the command is running, so keep cancelling until the worker has stopped.
        while (!worker.Join(100) && watch.Elapsed < Bound)
        {
            command.Cancel();
        }

        Assert.False(worker.IsAlive, "The query was not cancelled within the bound.");
        var canceled = Assert.IsAssignableFrom<OperationCanceledException>(caught);
        Assert.Contains("Cancel", canceled.Message, StringComparison.Ordinal);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void CommandTimeout_stops_the_query_and_says_so()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(Endless);
        command.CommandTimeout = 1;
        var watch = Stopwatch.StartNew();

        var ex = Assert.ThrowsAny<OperationCanceledException>(() => command.ExecuteScalar());

        Assert.True(watch.Elapsed < Bound, $"The timeout took {watch.Elapsed}.");
        Assert.Contains("CommandTimeout", ex.Message, StringComparison.Ordinal);
        command.CommandText = "SELECT 2";
        Assert.Equal(2, command.ExecuteScalar());
    }

    [Fact]
    public void A_token_cancelled_while_reading_stops_the_reader()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT i FROM range(10000000000000) t(i)");
        using var cts = new CancellationTokenSource();

        var ex = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            using var reader = command.ExecuteReader(CommandBehavior.Default, cts.Token);
            var rows = 0L;
            while (reader.Read())
            {
                if (++rows == 100_000)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.NotNull(ex);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void Cancel_on_a_command_that_is_not_running_does_nothing()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT 42");

        command.Cancel();
        Assert.Equal(42, command.ExecuteScalar());
        command.Cancel();
        Assert.Equal(42, command.ExecuteScalar());
    }

    [Fact]
    public void A_native_interrupt_while_idle_does_not_break_the_next_query()
    {
        using var connection = Sql.OpenMemory();

        Native.NativeMethods.duckdb_interrupt(connection.OpenHandle().DangerousGetHandle());

        Assert.Equal(1, connection.Scalar("SELECT 1"));
        Assert.Equal(4999L * 5000 / 2, connection.Scalar("SELECT sum(i) FROM range(5000) t(i)") is Int128 sum ? (long)sum : -1);
    }

    [Fact]
    public void A_timeout_that_did_not_fire_does_not_interrupt_later_commands()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT 1");
        command.CommandTimeout = 1;

        Assert.Equal(1, command.ExecuteScalar());
        Thread.Sleep(1500);
        using var later = connection.CreateCommand("SELECT count(*) FROM range(50000000) t(i) WHERE i % 3 = 0");
        Assert.Equal(16666667L, later.ExecuteScalar());
    }

    [Fact]
    public void A_token_cancelled_while_the_statement_is_still_being_prepared_stops_the_query()
    {
        // DuckDB clears a connection's interrupt flag when a query begins, so an interrupt sent while the statement is
        // still being parsed and planned was lost and the query ran on for hours (seen on a loaded CI machine). A long
        // statement text makes the preparation take tens of milliseconds, and the token fires within it.
        var endless = Endless + " WHERE i NOT IN (" + string.Join(",", Enumerable.Range(1, 20_000)) + ")";
        using var connection = Sql.OpenMemory();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var command = connection.CreateCommand(endless);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(2 + attempt * 3));
            Exception? caught = null;
            var worker = new Thread(() =>
            {
                try
                {
                    command.ExecuteReader(CommandBehavior.Default, cts.Token).Dispose();
                }
                catch (Exception ex)
                {
                    caught = ex;
                }
            });
            worker.Start();
            if (!worker.Join(TimeSpan.FromSeconds(20)))
            {
                command.Cancel();   // let the test host go on
                Assert.Fail($"attempt {attempt}: the token fired during preparation and the query kept running");
            }

            Assert.IsAssignableFrom<OperationCanceledException>(caught);
        }

        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }
}
