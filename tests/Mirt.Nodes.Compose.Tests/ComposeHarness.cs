using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;
using Mirt.Testing;
using Mirt.Testing.Llm;
using static Mirt.Nodes.Compose.Tests.ComposeFixture;

namespace Mirt.Nodes.Compose.Tests;

/// <summary>Runs <see cref="ComposeNode"/> alone after a rule-only offer turn ("how much is it?" on an open offer),
/// with a scripted model, and applies its writes so a test reads the state after the step.</summary>
internal sealed class ComposeHarness
{
    public static readonly ProductLine PinkAnna = new("ANNA-PINK", "Сукня «Анна»", "110-116", "рожевий", 2050m);

    public FakeChatClient Model { get; } = new();

    public bool WithModel { get; init; } = true;

    public LlmReplyOptions? Options { get; init; }

    public TimeProvider Time { get; init; } = new ManualTimeProvider();

    public Microsoft.Extensions.Logging.ILoggerFactory? Logging { get; init; }

    /// <summary>Gets the state the compose step starts from: what the offer node wrote this turn.</summary>
    public GraphState Before { get; set; } = GraphState.Empty.Apply(
        SalesKeys.Message.Set(new CustomerMessage("Скільки коштує?", null, null)),
        SalesKeys.Intent.Set(Intent.DiscoveryOrQuestion.Value),
        SalesKeys.State.Set(Offer),
        SalesKeys.Phase.Set(DialogPhase.OfferMade.Value),
        SalesKeys.Profile.Set(new SalesProfile("dresses", "anna", 118, "рожевий", null)),
        SalesKeys.Products.Set([PinkAnna]),
        SalesKeys.LastGreetedOn.Set("2026-11-21"),
        SalesKeys.Replies.Set([OfferDraft]),
        SalesKeys.Templates.Set(["offer/reminder"]));

    public NodeResult? Result { get; private set; }

    public ComposeHarness With(params StateWrite[] writes)
    {
        Before = Before.Apply(writes);
        return this;
    }

    public async Task<GraphState> RunAsync(CancellationToken cancellationToken = default)
    {
        var services = new Services([Shop, Renderer, WithModel ? Model : null, Options, CanMove, Logging]);
        var context = new NodeContext("thread-1", SalesNodes.Compose, 3, Before, Time, "checkpoint-1", services);
        Result = await new ComposeNode(["offer/made", "offer/reminder"]).InvokeAsync(context, cancellationToken);
        return Before.Apply(Result.Writes);
    }

    private sealed class Services(object?[] services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => services.FirstOrDefault(serviceType.IsInstanceOfType);
    }
}
