using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>Creates adapter clients pointed at a <see cref="FakeOpenAIServer"/>.</summary>
internal static class FakeServerClients
{
    public const string ApiKey = "fake-key";
    public const string DefaultModel = "default-model";

    public static IChatClient Create(FakeOpenAIServer server, Action<OpenAIChatClientOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new OpenAIChatClientOptions
        {
            Endpoint = server.Endpoint,
            ApiKey = ApiKey,
            Model = DefaultModel,
            NetworkTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return OpenAIChatClientFactory.Create(options, timeProvider);
    }
}
