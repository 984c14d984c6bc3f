using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Accounts;
using Analytics.Dashboard.Accounts;
using Analytics.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// A browser asking for a page that is not there, or that failed, gets an HTML page in its language (404, 500 with a
/// reference and nothing of the exception); the API and any client not asking for HTML get problem documents.
/// </summary>
public sealed partial class ErrorPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>What an exception thrown inside a page says: a server path, the kind of detail a page must never show.</summary>
    private const string Secret = "/srv/analytics/secret/warehouse.duckdb";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/nope", "zh-CN", "页面不存在")]
    [InlineData("/nope?lang=en", "en", "Page not found")]
    [InlineData("/deeper/still/nope?plan=CQ2013&lang=en", "en", "Page not found")]
    [InlineData("/indicator/NOPE", "zh-CN", "页面不存在")]
    [InlineData("/indicator/NOPE?lang=en", "en", "Page not found")]
    public async Task A_browser_asking_for_a_page_that_is_not_there_gets_the_not_found_page_in_its_language(string url, string lang, string title)
    {
        using var client = factory.As(Roles.Viewer);
        using var response = await GetAsync(client, url, Html);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{lang}\">", body, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", body, StringComparison.Ordinal);
        Assert.Contains("id=\"not-found\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nope", Html)]
    [InlineData("/api/nope", "text/html")]
    [InlineData("/api/nope", null)]
    [InlineData("/api/indicators/NOPE/series", Html)]
    [InlineData("/nope", null)]
    [InlineData("/nope", "application/json")]
    public async Task The_api_and_clients_not_asking_for_html_get_a_problem_document(string url, string? accept)
    {
        using var client = factory.As(Roles.Viewer);
        using var response = await GetAsync(client, url, accept);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_browser_not_signed_in_is_sent_to_sign_in_for_an_unknown_page_as_for_every_page()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await GetAsync(client, "/nope?lang=en", Html);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.EndsWith("lang=en", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?plan=CQ2013", "zh-CN", "出错了")]
    [InlineData("/indicator/CQ-IT-ADOPT?district=500101&lang=en", "en", "Something went wrong")]
    public async Task A_page_that_throws_gets_the_error_page_with_a_reference_the_log_carries_and_nothing_of_the_exception(string url, string lang, string title)
    {
        var logs = new LogLines();
        using var failing = Failing(logs);
        using var client = ViewerOf(failing);
        using var response = await GetAsync(client, url, Html);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{lang}\">", body, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", body, StringComparison.Ordinal);
        AssertNothingOfTheException(body);

        var reference = ReferencePattern().Match(body).Groups["reference"].Value;
        Assert.NotEmpty(reference);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(reference, StringComparison.Ordinal) && l.Exception?.Message.Contains(Secret, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Html)]
    public async Task An_api_request_that_throws_gets_a_500_problem_document_with_the_reference_and_nothing_of_the_exception(string? accept)
    {
        var logs = new LogLines();
        using var failing = Failing(logs);
        using var client = ViewerOf(failing);
        using var response = await GetAsync(client, "/api/indicators/CQ-TECH-SME/series?district=500101", accept);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNothingOfTheException(body);
        using var problem = JsonDocument.Parse(body);
        var reference = problem.RootElement.GetProperty("reference").GetString()!;
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_error_page_itself_is_no_secret_and_needs_no_sign_in()
    {
        // Were it behind sign-in, a failing login page would send its reader to the login page again.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await GetAsync(client, "/error?lang=en", Html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertNothingOfTheException(string body)
    {
        foreach (var leak in new[] { Secret, "InvalidOperationException", "Disclosure", " at Analytics.", ".cs:line", "/work/", "/home/" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The dashboard with every request's disclosure rules failing to build, so every page and data endpoint throws
    /// (as a bug would), and its log lines kept in <paramref name="logs"/>.
    /// </summary>
    private WebApplicationFactory<Program> Failing(LogLines logs) => factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddScoped<Disclosure>(_ => throw new InvalidOperationException($"Cannot read {Secret}."));
    }));

    private HttpClient ViewerOf(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", factory.Token(Roles.Viewer));
        return client;
    }

    [GeneratedRegex("<code id=\"error-reference\">(?<reference>[^<]+)</code>")]
    private static partial Regex ReferencePattern();

    /// <summary>A logger provider that keeps every line.</summary>
    private sealed class LogLines : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogLines owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
