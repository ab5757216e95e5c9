using Microsoft.Extensions.AI;
using Mirt.Testing;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>How HTTP error statuses and bodies surface, against a fake server.</summary>
public sealed class OpenAIChatClientErrorTests : FakeServerTests
{
    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task GetResponseAsync_AuthenticationStatus_ThrowsLlmAuthenticationException(int status)
    {
        Answer(FakeOpenAIResponse.Error(status, "Incorrect API key provided.", "invalid_api_key"));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmAuthenticationException>();

        thrown.Which.IsTransient.Should().BeFalse();
        thrown.Which.StatusCode.Should().Be(status);
        thrown.Which.ServerMessage.Should().Be("Incorrect API key provided.");
        thrown.Which.ServerErrorCode.Should().Be("invalid_api_key");
        thrown.Which.Message.Should().Contain("MIRT_LLM_API_KEY").And.NotContain(FakeServerClients.ApiKey);
    }

    [Fact]
    public async Task GetResponseAsync_RateLimitedWithRetryAfterSeconds_ThrowsTransientLlmRateLimitExceptionWithTheDelay()
    {
        Answer(FakeOpenAIResponse.Error(429, "Rate limit reached.", "rate_limit_exceeded", new Dictionary<string, string> { ["Retry-After"] = "7" }));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmRateLimitException>();

        thrown.Which.IsTransient.Should().BeTrue();
        thrown.Which.StatusCode.Should().Be(429);
        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        thrown.Which.ServerMessage.Should().Be("Rate limit reached.");
    }

    [Fact]
    public async Task GetResponseAsync_RateLimitedWithRetryAfterDate_MeasuresTheDelayOnTheInjectedClock()
    {
        var clock = new ManualTimeProvider();
        var until = clock.GetUtcNow().AddSeconds(30).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        Answer(FakeOpenAIResponse.Error(429, "Slow down.", headers: new Dictionary<string, string> { ["Retry-After"] = until }));
        using var client = FakeServerClients.Create(Server, timeProvider: clock);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmRateLimitException>();

        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetResponseAsync_QuotaUsedUp_ThrowsNonTransientLlmRateLimitException()
    {
        Answer(FakeOpenAIResponse.Error(429, "You exceeded your current quota.", "insufficient_quota"));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmRateLimitException>();

        thrown.Which.IsTransient.Should().BeFalse("no retry brings the quota back");
        thrown.Which.RetryAfter.Should().BeNull();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task GetResponseAsync_ClientError_ThrowsLlmRequestExceptionWithTheServerMessage(int status)
    {
        Answer(FakeOpenAIResponse.Error(status, "The model `gpt-x` does not exist.", "model_not_found"));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmRequestException>();

        thrown.Which.IsTransient.Should().BeFalse();
        thrown.Which.StatusCode.Should().Be(status);
        thrown.Which.ServerMessage.Should().Be("The model `gpt-x` does not exist.");
        thrown.Which.Message.Should().Contain($"HTTP {status}").And.Contain("The model `gpt-x` does not exist.");
    }

    [Fact]
    public async Task GetResponseAsync_RequestTimeoutStatus_ThrowsTransientLlmRequestException()
    {
        Answer(FakeOpenAIResponse.Error(408, "Request timed out."));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmRequestException>();

        thrown.Which.IsTransient.Should().BeTrue();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task GetResponseAsync_ServerError_ThrowsTransientLlmServerException(int status)
    {
        Answer(FakeOpenAIResponse.Error(status, "The server had an error while processing your request."));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmServerException>();

        thrown.Which.IsTransient.Should().BeTrue();
        thrown.Which.StatusCode.Should().Be(status);
        thrown.Which.ServerMessage.Should().Be("The server had an error while processing your request.");
    }

    [Fact]
    public async Task GetResponseAsync_ErrorBodyIsHtml_StillMapsByStatusWithoutAServerMessage()
    {
        Answer(new FakeOpenAIResponse { StatusCode = 502, ContentType = "text/html", Parts = ["<html><body>Bad gateway</body></html>"] });
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmServerException>();

        thrown.Which.ServerMessage.Should().BeNull();
        thrown.Which.StatusCode.Should().Be(502);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_RateLimited_ThrowsLlmRateLimitExceptionOnFirstMove()
    {
        Answer(FakeOpenAIResponse.Error(429, "Rate limit reached.", headers: new Dictionary<string, string> { ["retry-after-ms"] = "1500" }));
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetStreamingResponseAsync("Привіт").ToListAsync().AsTask()).Should().ThrowAsync<LlmRateLimitException>();

        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromMilliseconds(1500));
        thrown.Which.ServerMessage.Should().Be("Rate limit reached.");
    }

    [Fact]
    public async Task GetResponseAsync_SuccessBodyIsNotJson_ThrowsLlmServerException()
    {
        Answer(new FakeOpenAIResponse { Parts = ["<html>captive portal</html>"] });
        using var client = FakeServerClients.Create(Server);

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmServerException>();

        thrown.Which.IsTransient.Should().BeFalse();
        thrown.Which.Message.Should().Contain("not a valid chat completion");
    }

    private void Answer(FakeOpenAIResponse response) => Server.OnRequest = (_, _) => Task.FromResult(response);
}
