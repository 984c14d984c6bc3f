using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Analytics.Etl.Tests.Sources;

public sealed class HttpPullTests : IDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"application_no":"CN202410000001.X"}""" + "\n");
    private static readonly string BodySha = Convert.ToHexStringLower(SHA256.HashData(Body));

    // Short back-off keeps the suite fast. The time-out is generous, so that a cold server (JIT, a busy machine)
    // never causes a spurious retry; only the stall tests shorten it, and they stall for ever.
    private static readonly PullOptions Fast = new()
    {
        MaxAttempts = 4,
        Timeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
    };

    private static readonly PullOptions Stalling = Fast with { Timeout = TimeSpan.FromMilliseconds(200) };

    private readonly TempFolder _temp = new();
    private readonly LandingArea _landing;

    public HttpPullTests() => _landing = new LandingArea(Path.Combine(_temp.Path, "landing"));

    public void Dispose() => _temp.Dispose();

    private static SourceDefinition Patents(Uri url) => new()
    {
        Name = "cnipa-patents",
        Feed = FeedKind.Patents,
        Urls = [url],
        Encoding = TextEncodingHint.Utf8,
        ConfigFile = "/cfg/sources.json",
        JsonPath = "$.sources[3]",
    };

    private async Task<FilePullResult> PullAsync(SourceDefinition source, PullOptions? options = null)
    {
        using var puller = new SourcePuller(_landing, options ?? Fast);
        var report = await puller.PullAsync([source]);
        return Assert.Single(report.Files);
    }

    private static async Task Ok(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private void AssertNothingLanded()
    {
        Assert.Empty(_landing.ReadIndex());
        var files = Directory.EnumerateFiles(_landing.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.Equal([".lock"], files);
    }

    [Fact]
    public async Task A_download_lands_byte_for_byte_with_its_etag_and_last_modified()
    {
        var lastModified = new DateTimeOffset(2024, 12, 31, 8, 0, 0, TimeSpan.Zero);
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
            return Ok(context, Body);
        });

        var result = await PullAsync(Patents(server.Url("export/patents-2024.jsonl")));

        Assert.Equal(PullOutcome.New, result.Outcome);
        Assert.Equal(1, result.Attempts);
        var entry = Assert.Single(_landing.ReadIndex());
        Assert.Equal(server.Url("export/patents-2024.jsonl").AbsoluteUri, entry.Origin);
        Assert.Equal("patents-2024.jsonl", entry.OriginalName);
        Assert.Equal(BodySha, entry.Sha256);
        Assert.Equal(Body.Length, entry.Length);
        Assert.Equal("\"v1\"", entry.ETag);
        Assert.Equal(lastModified, entry.LastModified);
        Assert.Equal($"patents/{BodySha}/patents-2024.jsonl", entry.Path);
        Assert.Equal(Body, File.ReadAllBytes(_landing.FullPathOf(entry)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_landing.Root, ".tmp")));
    }

    [Fact]
    public async Task The_file_name_comes_from_content_disposition_when_the_server_sends_one()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            context.Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''%E4%B8%93%E5%88%A9.jsonl";
            return Ok(context, Body);
        });

        var result = await PullAsync(Patents(server.Url("download.do?id=3")));

        Assert.Equal("专利.jsonl", result.Entry!.OriginalName);
    }

    [Fact]
    public async Task An_unchanged_etag_gets_304_and_lands_nothing()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = "\"v1\"";
            return Ok(context, Body);
        });
        var source = Patents(server.Url("patents.jsonl"));
        await PullAsync(source);
        var indexBefore = File.ReadAllBytes(_landing.IndexPath);

        var second = await PullAsync(source);

        Assert.Equal(PullOutcome.Unchanged, second.Outcome);
        Assert.Contains("304", second.Reason, StringComparison.Ordinal);
        Assert.Equal(BodySha, second.Entry!.Sha256);
        Assert.Equal("\"v1\"", server.Requests.Last()["If-None-Match"].ToString());
        Assert.Equal(indexBefore, File.ReadAllBytes(_landing.IndexPath));
    }

    [Fact]
    public async Task An_unchanged_last_modified_gets_304_through_if_modified_since()
    {
        const string lastModified = "Tue, 31 Dec 2024 08:00:00 GMT";
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            if (context.Request.Headers.IfModifiedSince == lastModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.Headers.LastModified = lastModified;
            return Ok(context, Body);
        });
        var source = Patents(server.Url("patents.jsonl"));
        await PullAsync(source);

        var second = await PullAsync(source);

        Assert.Equal(PullOutcome.Unchanged, second.Outcome);
        Assert.Equal(2, server.Count);
        Assert.Equal(lastModified, server.Requests.Last()["If-Modified-Since"].ToString());
        Assert.Single(_landing.ReadIndex());
    }

    [Fact]
    public async Task New_content_behind_a_new_etag_lands_as_a_new_sha256()
    {
        var version2 = "{\"v\":2}\n"u8.ToArray();
        await using var server = await LocalHttpServer.StartAsync((context, n) =>
        {
            context.Response.Headers.ETag = n == 1 ? "\"v1\"" : "\"v2\"";
            return Ok(context, n == 1 ? Body : version2);
        });
        var source = Patents(server.Url("patents.jsonl"));
        await PullAsync(source);

        var second = await PullAsync(source);

        Assert.Equal(PullOutcome.New, second.Outcome);
        Assert.Equal(["\"v1\"", "\"v2\""], _landing.ReadIndex().Select(e => e.ETag));
    }

    [Fact]
    public async Task Two_503s_then_200_is_retried_and_lands()
    {
        await using var server = await LocalHttpServer.StartAsync((context, n) =>
        {
            if (n <= 2)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return Ok(context, Body);
        });

        var result = await PullAsync(Patents(server.Url("patents.jsonl")));

        Assert.Equal(PullOutcome.New, result.Outcome);
        Assert.Equal(3, server.Count);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(BodySha, Assert.Single(_landing.ReadIndex()).Sha256);
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_configured_attempts()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        });

        var result = await PullAsync(Patents(server.Url("patents.jsonl")), Fast with { MaxAttempts = 3 });

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Equal(3, server.Count);
        Assert.Contains("after 3 attempts", result.Reason, StringComparison.Ordinal);
        Assert.Contains("502", result.Reason, StringComparison.Ordinal);
        AssertNothingLanded();
    }

    [Fact]
    public async Task A_404_is_not_retried_and_says_to_check_the_address()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        var result = await PullAsync(Patents(server.Url("no-such.jsonl")));

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Equal(1, server.Count);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("404", result.Reason, StringComparison.Ordinal);
        Assert.Contains("not retried", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Check the address", result.Reason, StringComparison.Ordinal);
        Assert.Contains("$.sources[3]", result.Reason, StringComparison.Ordinal);
        AssertNothingLanded();
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_refused_and_leaves_nothing_in_landing()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) =>
        {
            // Written on the socket itself, then FIN: through Kestrel's pipe an abort can overtake the bytes.
            var socket = context.Features.Get<IConnectionSocketFeature>()!.Socket;
            socket.Send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"u8);
            socket.Send(new byte[500]);
            socket.Shutdown(SocketShutdown.Send);
            context.Abort();
            return Task.CompletedTask;
        });

        var result = await PullAsync(Patents(server.Url("patents.jsonl")), Fast with { MaxAttempts = 2 });

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Equal(2, server.Count);
        Assert.Contains("of 1000 bytes", result.Reason, StringComparison.Ordinal);
        Assert.Contains("discarded", result.Reason, StringComparison.Ordinal);
        AssertNothingLanded();
    }

    [Fact]
    public async Task A_stalled_server_is_retried_then_fails_with_the_time_out_in_the_message()
    {
        await using var server = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });

        var result = await PullAsync(Patents(server.Url("patents.jsonl")), Stalling with { MaxAttempts = 2 });

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("no response within 200 ms", result.Reason, StringComparison.Ordinal);
        Assert.Contains("after 2 attempts", result.Reason, StringComparison.Ordinal);
        AssertNothingLanded();
    }

    [Fact]
    public async Task A_body_that_stalls_midway_is_cut_off_by_the_time_out()
    {
        await using var server = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/warm-up")
            {
                await Ok(context, Body);
                return;
            }

            context.Response.ContentLength = Body.Length * 2;
            await context.Response.Body.WriteAsync(Body);
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        // A first pull with a generous time-out warms the server and the pulling code up (a cold start on a busy CI
        // machine once took longer than 500 ms); the short-time-out puller then warms its own connection (the same
        // content again: nothing new lands), so the stalled request gets its headers within the time-out.
        using (var warm = new SourcePuller(_landing, Fast))
        {
            await warm.PullAsync([Patents(server.Url("warm-up")) with { Name = "warm-up" }]);
        }

        using var puller = new SourcePuller(_landing, Stalling with { MaxAttempts = 1, Timeout = TimeSpan.FromMilliseconds(500) });
        await puller.PullAsync([Patents(server.Url("warm-up")) with { Name = "warm-up" }]);
        var report = await puller.PullAsync([Patents(server.Url("patents.jsonl"))]);

        var result = Assert.Single(report.Files);
        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Contains("stalled", result.Reason, StringComparison.Ordinal);
        Assert.Contains($"after {Body.Length} of {Body.Length * 2} bytes", result.Reason, StringComparison.Ordinal);
        Assert.Single(_landing.ReadIndex()); // the warm-up only
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_landing.Root, ".tmp")));
    }

    [Fact]
    public async Task Content_that_differs_from_the_configured_sha256_is_refused_without_retry()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) => Ok(context, Body));
        var source = Patents(server.Url("patents.jsonl")) with { ExpectedSha256 = new string('0', 64) };

        var result = await PullAsync(source);

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Equal(1, server.Count);
        Assert.Contains("Refused", result.Reason, StringComparison.Ordinal);
        Assert.Contains(BodySha, result.Reason, StringComparison.Ordinal);
        Assert.Contains("$.sources[3].sha256", result.Reason, StringComparison.Ordinal);
        AssertNothingLanded();
    }

    [Fact]
    public async Task A_content_length_that_differs_from_the_configured_length_is_refused_before_downloading()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) => Ok(context, Body));
        var source = Patents(server.Url("patents.jsonl")) with { ExpectedLength = Body.Length + 1 };

        var result = await PullAsync(source);

        Assert.Equal(PullOutcome.Failed, result.Outcome);
        Assert.Contains($"announces {Body.Length} bytes", result.Reason, StringComparison.Ordinal);
        AssertNothingLanded();
    }

    [Fact]
    public async Task A_configured_sha256_already_landed_needs_no_request()
    {
        await using var server = await LocalHttpServer.StartAsync((context, _) => Ok(context, Body));
        var source = Patents(server.Url("patents.jsonl")) with { ExpectedSha256 = BodySha };
        await PullAsync(source);

        var second = await PullAsync(source);

        Assert.Equal(PullOutcome.Unchanged, second.Outcome);
        Assert.Equal(0, second.Attempts);
        Assert.Equal(1, server.Count);
    }
}
