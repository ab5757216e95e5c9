using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Media;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Vision.Models;
using Mirt.Nodes.Vision.Recognition;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Vision;

/// <summary>
/// Answers a product photo. The photo is fetched server-side (<see cref="IImageFetcher"/>), and the vision model
/// (<see cref="IChatClient"/>) is asked which catalog model and colour it shows. A recognised photo (confidence at
/// least <see cref="VisionOptions.MinConfidence"/>, model and colour checked against the catalog) fills the sales
/// profile and continues in the size-and-offer flow, so the price always comes from the catalog. Anything else — low
/// confidence, no catalog model, an invalid answer, a model error or timeout, a photo that cannot be fetched, or no
/// model at all (degraded mode) — tells the customer availability is being checked and alerts a manager (see
/// DOMAIN.md, Escalation). The same photo sent again is answered from <see cref="SalesKeys.Photos"/> without a model
/// call. Payment-phase images never come here: the router sends them to payment as proof candidates.
/// </summary>
/// <remarks>Reads <see cref="IChatClient"/>, <see cref="IImageFetcher"/> and an optional <see cref="ILoggerFactory"/>
/// from <see cref="NodeContext.Services"/> (one <c>vision_recognised</c> or <c>vision_escalated</c> line per photo,
/// never the URL); thread-safe.</remarks>
public sealed class VisionNode : INode
{
    private readonly VisionOptions _options;

    /// <summary>Creates the node.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its range (see <see cref="VisionOptions"/>).</exception>
    public VisionNode(VisionOptions? options = null)
    {
        options ??= new VisionOptions();
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public async ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = (context.Services.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger(VisionLog.Category) ?? NullLogger.Instance;
        var client = context.Services.GetService(typeof(IChatClient)) as IChatClient;
        var fetcher = context.Services.GetService(typeof(IImageFetcher)) as IImageFetcher;
        if (client is null || fetcher is null)
        {
            return Escalate(context, logger, VisionReasons.NeedsManager, client is null ? DegradedReasons.NoLlm : null);
        }

        if (!Uri.TryCreate(context.Message().ImageUrl, UriKind.Absolute, out var url))
        {
            return Escalate(context, logger, VisionReasons.FetchFailed, degradedReason: null);
        }

        var image = await fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return Escalate(context, logger, VisionReasons.FetchFailed, degradedReason: null);
        }

        var hash = PhotoHash.Of(image.Bytes.Span);
        var photos = context.Get(SalesKeys.Photos);
        if (photos.FirstOrDefault(p => p.Sha256 == hash) is { } seen)
        {
            return Answer(context, logger, seen, [], repeated: true);
        }

        var outcome = await VisionModelCall.AskAsync(client, context, image, _options, cancellationToken).ConfigureAwait(false);
        if (outcome.Answer is null)
        {
            return Escalate(context, logger, VisionReasons.ModelFailed, outcome.FailureReason);
        }

        var check = AnswerValidator.Check(outcome.Answer, context.Shop().Catalog);
        if (!check.IsValid)
        {
            // A SKU, model or colour the catalog lacks is an invalid reply, not a verdict: it is not remembered, so
            // the same photo is asked about again next time.
            return Escalate(context, logger, VisionReasons.ModelFailed, DegradedReasons.InvalidReply, confidence: outcome.Answer.Confidence);
        }

        var verdict = new PhotoVerdict(hash, check.Product?.Id, check.Color, check.Confidence);
        return Answer(context, logger, verdict, [Remember(photos, verdict)], repeated: false);
    }

    private NodeResult Answer(NodeContext context, ILogger logger, PhotoVerdict verdict, List<StateWrite> writes, bool repeated)
    {
        if (verdict.ProductId is null || context.Shop().Catalog.FindById(verdict.ProductId) is not { } product)
        {
            return Escalate(context, logger, VisionReasons.Unrecognised, degradedReason: null, verdict.Confidence, repeated, writes);
        }

        if (verdict.Confidence < _options.MinConfidence)
        {
            return Escalate(context, logger, VisionReasons.LowConfidence, degradedReason: null, verdict.Confidence, repeated, writes);
        }

        // The profile now names the model and colour; size-and-colour picks the size from a known height and hands a
        // full choice to the offer (catalog price); discovery asks for the height first when it is not known yet.
        VisionLog.Recognised(logger, product.Id, verdict.Color ?? "-", verdict.Confidence, repeated);
        var profile = context.Get(SalesKeys.Profile) with { ProductId = product.Id, CategoryId = product.CategoryId, Color = verdict.Color, RequestedColor = null };
        writes.Add(SalesKeys.Profile.Set(profile));
        writes.AddRange(context.Say(VisionTemplates.Recognised, new RecognisedModel(product.Name, verdict.Color)));
        if (profile.HeightCm is null)
        {
            writes.AddRange(context.MoveTo(ConversationState.Vision, DialogPhase.WaitingForHeight));
            return NodeResult.Route(SalesNodes.Discovery, writes);
        }

        writes.AddRange(context.MoveTo(ConversationState.Vision, DialogPhase.WaitingForSize));
        return NodeResult.Route(SalesNodes.SizeColor, writes);
    }

    private static NodeResult Escalate(
        NodeContext context, ILogger logger, string reason, string? degradedReason, double confidence = 0, bool repeated = false, List<StateWrite>? writes = null)
    {
        VisionLog.Escalated(logger, reason, degradedReason ?? "-", confidence, repeated);
        writes ??= [];
        writes.AddRange(context.Say(VisionTemplates.CheckingAvailability, NoModel.Instance));
        writes.AddRange(context.HandOff(ConversationState.Vision, reason));
        if (degradedReason is not null)
        {
            // No model, or it failed: the turn is degraded, visibly (flag on the reply, log line, metric).
            writes.Add(SalesKeys.DegradedReason.Set(degradedReason));
        }

        if (degradedReason == DegradedReasons.InvalidReply)
        {
            writes.Add(SalesKeys.ModelRejections.Set(context.Get(SalesKeys.ModelRejections) + 1));
        }

        return NodeResult.Continue(writes);
    }

    private StateWrite Remember(IReadOnlyList<PhotoVerdict> photos, PhotoVerdict verdict) =>
        SalesKeys.Photos.Set([.. photos.Skip(Math.Max(0, photos.Count + 1 - _options.MaxRememberedPhotos)), verdict]);
}
