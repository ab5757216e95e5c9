using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Vision;
using Mirt.Rules.Catalog;
using Mirt.Rules.Domain;
using Mirt.Rules.Shop;
using Mirt.Sales.Prompts;
using Mirt.Testing;
using Mirt.Testing.Llm;
using Mirt.Testing.Media;

namespace Mirt.Sales.Tests.Vision;

/// <summary>Runs <see cref="VisionNode"/> alone over the repository's catalog and templates, with a scripted model
/// and fetcher, and applies its writes so a test reads the state after the step.</summary>
internal sealed class VisionHarness
{
    public static readonly ShopData Shop = new(CatalogLoader.LoadDefault(), ShopProfileLoader.LoadDefault());

    private static readonly Lazy<IReplyRenderer> Renderer = new(() => PromptReplyRenderer.Load(RepoPaths.Prompts));

    public FakeChatClient Model { get; } = new();

    public FakeImageFetcher Fetcher { get; } = new();

    public Testing.Diagnostics.CapturingLogger Logs { get; } = new();

    public bool WithModel { get; init; } = true;

    public bool WithFetcher { get; init; } = true;

    public VisionOptions? Options { get; init; }

    public TimeProvider Time { get; init; } = new ManualTimeProvider();

    /// <summary>Gets the state the next step starts from; each run carries its writes forward (turn keys reset).</summary>
    public GraphState State { get; private set; } = GraphState.Empty.Apply(
        SalesKeys.State.Set(ConversationState.Discovery.Value),
        SalesKeys.Phase.Set(DialogPhase.WaitingForNeeds.Value));

    public NodeResult? LastResult { get; private set; }

    public static string Answer(string? sku, string? productId, string? color, double confidence, string reason = "test") =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["sku"] = sku,
            ["product_id"] = productId,
            ["color"] = color,
            ["confidence"] = confidence,
            ["reason"] = reason,
        });

    public VisionHarness WithHeight(int heightCm)
    {
        State = State.Apply(SalesKeys.Profile.Set(State.Get(SalesKeys.Profile) with { HeightCm = heightCm }));
        return this;
    }

    public VisionHarness InState(ConversationState state, DialogPhase phase)
    {
        State = State.Apply(SalesKeys.State.Set(state.Value), SalesKeys.Phase.Set(phase.Value));
        return this;
    }

    /// <summary>Runs the node for a photo message and returns the state after its writes.</summary>
    public async Task<GraphState> SendPhotoAsync(string url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", CancellationToken cancellationToken = default)
    {
        var turnStart = State.Reset(SalesKeys.All.Where(k => k.Lifetime == StateKeyLifetime.Turn)).Apply(
            SalesKeys.Message.Set(new CustomerMessage(string.Empty, url, null)),
            SalesKeys.Intent.Set(Intent.PhotoIdent.Value));
        var services = new Services([Shop, Renderer.Value, WithModel ? Model : null, WithFetcher ? Fetcher : null, Logs]);
        var context = new NodeContext("thread-1", SalesNodes.Vision, 0, turnStart, Time, "checkpoint-1", services);
        LastResult = await new VisionNode(Options).InvokeAsync(context, cancellationToken);
        State = turnStart.Apply(LastResult.Writes);
        return State;
    }

    private sealed class Services(object?[] services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => services.FirstOrDefault(serviceType.IsInstanceOfType);
    }
}
