using System.Net;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Tests.Sources;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Gone, false)]
    public void Retries_server_errors_408_and_429_only(HttpStatusCode status, bool expected) =>
        Assert.Equal(expected, RetryPolicy.IsRetriable(status));

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(10, 0.0, 15000)]
    [InlineData(10, 0.999999, 30000)]
    public void Backs_off_exponentially_with_jitter_up_to_the_cap(int failedAttempt, double random, double expectedMs)
    {
        var delay = RetryPolicy.Delay(failedAttempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void Honours_a_longer_retry_after_but_not_beyond_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.Delay(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.Delay(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0, TimeSpan.FromHours(1)));
    }
}
