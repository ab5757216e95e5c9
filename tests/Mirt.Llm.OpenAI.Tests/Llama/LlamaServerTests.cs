using System.Net;
using System.Text.Json;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Llama;

public sealed class LlamaServerTests(LlamaServerFixture fixture) : IClassFixture<LlamaServerFixture>
{
    [Fact]
    public async Task GetSharedAsync_FirstUse_ServesHealthAndTheTinyModel()
    {
        using var http = fixture.CreateHttpClient();

        using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
        using var models = JsonDocument.Parse(await http.GetStringAsync(new Uri("v1/models", UriKind.Relative)));

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Endpoint.AbsolutePath.Should().Be("/v1");
        fixture.Endpoint.Host.Should().Be("127.0.0.1");
        models.RootElement.GetProperty("data")[0].GetProperty("id").GetString().Should().Be(LlamaServer.ModelId);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task ChatCompletions_WrongOrMissingKey_Answers401(string? key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = ChatRequests.Plain(fixture.Model, "Привіт", maxTokens: 4),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body.RootElement.GetProperty("error").GetProperty("type").GetString().Should().Be("authentication_error");
    }

    [Fact]
    public async Task DisposeAsync_OwnServer_StopsTheProcess()
    {
        var server = await LlamaServer.StartAsync("own-key", new LlamaServerOptions { ContextSize = 512, Slots = 1 });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        (await http.GetAsync(new Uri("health", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        await server.DisposeAsync();

        server.HasExited.Should().BeTrue();
        await FluentActions.Awaiting(() => http.GetAsync(new Uri("health", UriKind.Relative))).Should().ThrowAsync<HttpRequestException>();
    }
}
