using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

public sealed class OpenAIChatClientFactoryTests
{
    private static OpenAIChatClientOptions Valid() => new()
    {
        Endpoint = new Uri("http://127.0.0.1:8080/v1"),
        ApiKey = "secret-key",
        Model = "mirt-tiny",
    };

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var options = new OpenAIChatClientOptions();

        options.Endpoint.Should().BeNull();
        options.NetworkTimeout.Should().Be(TimeSpan.FromSeconds(15));
        options.MaxRetries.Should().Be(0);
    }

    [Fact]
    public void Create_ValidOptions_AnswersMetadataWithProviderEndpointAndModel()
    {
        using var client = OpenAIChatClientFactory.Create(Valid());

        var metadata = client.GetService<ChatClientMetadata>();

        metadata.Should().NotBeNull();
        metadata!.ProviderName.Should().Be("openai");
        metadata.ProviderUri.Should().Be(new Uri("http://127.0.0.1:8080/v1"));
        metadata.DefaultModelId.Should().Be("mirt-tiny");
    }

    [Fact]
    public void Create_NoEndpoint_UsesOpenAI()
    {
        var options = Valid();
        options.Endpoint = null;

        using var client = OpenAIChatClientFactory.Create(options);

        client.GetService<ChatClientMetadata>()!.ProviderUri.Should().Be(new Uri("https://api.openai.com/v1"));
    }

    [Fact]
    public void GetService_InnerClientAndSelf_AreAnsweredAndKeyedRequestsAreNot()
    {
        using var client = OpenAIChatClientFactory.Create(Valid());

        client.GetService<ChatClient>().Should().NotBeNull();
        client.GetService<IChatClient>().Should().BeSameAs(client);
        client.GetService(typeof(ChatClientMetadata), serviceKey: "other").Should().BeNull();
        client.GetService<string>().Should().BeNull();
    }

    [Fact]
    public void Create_ChangingOptionsAfterwards_DoesNotChangeTheClient()
    {
        var options = Valid();
        using var client = OpenAIChatClientFactory.Create(options);

        options.Model = "changed";

        client.GetService<ChatClientMetadata>()!.DefaultModelId.Should().Be("mirt-tiny");
    }

    public static TheoryData<string, Action<OpenAIChatClientOptions>, string> InvalidOptions() => new()
    {
        { "relative endpoint", o => o.Endpoint = new Uri("/v1", UriKind.Relative), "MIRT_LLM_ENDPOINT" },
        { "ftp endpoint", o => o.Endpoint = new Uri("ftp://example.com/v1"), "MIRT_LLM_ENDPOINT" },
        { "no key", o => o.ApiKey = null, "MIRT_LLM_API_KEY" },
        { "blank key", o => o.ApiKey = "  ", "MIRT_LLM_API_KEY" },
        { "no model", o => o.Model = null, "MIRT_LLM_MODEL" },
        { "zero timeout", o => o.NetworkTimeout = TimeSpan.Zero, "NetworkTimeout" },
        { "negative retries", o => o.MaxRetries = -1, "MaxRetries" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Create_InvalidOption_ThrowsArgumentExceptionNamingTheFix(string because, Action<OpenAIChatClientOptions> spoil, string named)
    {
        var options = Valid();
        spoil(options);

        var create = () => OpenAIChatClientFactory.Create(options);

        create.Should().Throw<ArgumentException>(because).WithMessage($"*{named}*").Which.Message.Should().NotContain("secret-key");
    }
}
