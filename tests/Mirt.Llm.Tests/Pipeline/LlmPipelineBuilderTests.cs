using Microsoft.Extensions.AI;
using Mirt.Llm.Deadline;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Fallback;
using Mirt.Llm.Pipeline;
using Mirt.Llm.Retry;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Pipeline;

public sealed class LlmPipelineBuilderTests
{
    [Fact]
    public async Task Build_FirstAddedIsOutermost()
    {
        var order = new List<string>();
        var client = new LlmPipelineBuilder()
            .Use(inner => new Tracing(inner, "first", order))
            .Use(inner => new Tracing(inner, "second", order))
            .Build(new FakeChatClient());

        await client.GetResponseAsync(Samples.Conversation);

        order.Should().Equal("first", "second");
    }

    [Fact]
    public void Build_RecommendedOrder_NestsTheMiddlewareInThatOrder()
    {
        var fake = new FakeChatClient();
        var client = new LlmPipelineBuilder(loggerFactory: new CapturingLogger())
            .UseLogging().UseMetrics().UseDeadline().UseFallback().UseRetry()
            .Build(fake);

        Chain(client).Should().Equal(typeof(LoggingChatClient), typeof(MetricsChatClient), typeof(DeadlineChatClient),
            typeof(FallbackChatClient), typeof(RetryChatClient), typeof(FakeChatClient));
    }

    [Fact]
    public void Use_AfterBuild_ThrowsNamingTheFix()
    {
        var builder = new LlmPipelineBuilder().UseRetry();
        builder.Build(new FakeChatClient());

        var edit = () => builder.UseDeadline();

        edit.Should().Throw<InvalidOperationException>().WithMessage("*already built*before calling Build*");
    }

    [Fact]
    public void UseLogging_WithoutLoggerFactory_ThrowsNamingTheFix()
    {
        var add = () => new LlmPipelineBuilder().UseLogging();

        add.Should().Throw<InvalidOperationException>().WithMessage("*pass one to the LlmPipelineBuilder constructor*");
    }

    [Fact]
    public void UseX_InvalidOptions_ThrowWhenAddedNotWhenCalled()
    {
        var builder = new LlmPipelineBuilder();

        builder.Invoking(b => b.UseDeadline(new DeadlineOptions { TimeoutMs = 1 })).Should().Throw<ArgumentException>();
        builder.Invoking(b => b.UseRetry(new RetryOptions { MaxRetries = 99 })).Should().Throw<ArgumentException>();
        builder.Invoking(b => b.UseFallback(new FallbackOptions { Models = [""] })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Build_NothingAdded_ReturnsTheAdapter()
    {
        var fake = new FakeChatClient();

        new LlmPipelineBuilder().Build(fake).Should().BeSameAs(fake);
    }

    internal static IReadOnlyList<Type> Chain(IChatClient client)
    {
        var types = new List<Type>();
        for (IChatClient? current = client; current is not null; current = (current as DelegatingChatClient)?.GetInner())
        {
            types.Add(current.GetType());
        }

        return types;
    }

    private sealed class Tracing(IChatClient inner, string name, List<string> order) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            order.Add(name);
            return base.GetResponseAsync(messages, options, cancellationToken);
        }
    }
}

/// <summary>Reaches the protected inner client of a middleware for the nesting assertions.</summary>
internal static class DelegatingChatClientInner
{
    public static IChatClient? GetInner(this DelegatingChatClient client) =>
        (IChatClient?)typeof(DelegatingChatClient)
            .GetProperty("InnerClient", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(client);
}
