using Microsoft.Extensions.AI;
using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Media;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Vision.Models;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Asks the vision model once: the instructions rendered from <c>prompts/vision/identify.hbs</c> as the system
/// message, the photo's bytes as the user message, a JSON-schema response format, and the call properties the LLM
/// middleware labels metrics with. Failures become values; only the caller's own cancellation is thrown.
/// </summary>
internal static class VisionModelCall
{
    /// <summary>The value of <see cref="ChatOptionKeys.Node"/> for vision calls.</summary>
    public const string NodeName = "vision";

    private static readonly ChatResponseFormat Format =
        ChatResponseFormat.ForJsonSchema<VisionAnswer>(VisionJsonContext.Default.Options, "vision_answer");

    public static async Task<ModelOutcome> AskAsync(IChatClient client, NodeContext context, ImageFetchResult image, VisionOptions options, CancellationToken cancellationToken)
    {
        var instructions = context.Render(VisionTemplates.Identify, IdentifyModel.From(context.Shop().Catalog, options.MinConfidence));
        List<ChatMessage> messages =
        [
            new(ChatRole.System, instructions),
            new(ChatRole.User, [new DataContent(image.Bytes, image.MediaType!)]),
        ];
        var chatOptions = new ChatOptions
        {
            ResponseFormat = Format,
            MaxOutputTokens = options.MaxOutputTokens,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ChatOptionKeys.Node] = NodeName,
                [ChatOptionKeys.State] = context.Get(SalesKeys.State),
                [ChatOptionKeys.Intent] = context.Intent().Value,
                // The pipeline's default deadline is sized for a text reply; a photo has its own budget.
                [ChatOptionKeys.DeadlineMs] = (int)options.ModelTimeout.TotalMilliseconds,
            },
        };

        using var timeout = new CancellationTokenSource(options.ModelTimeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of the model is an expected outcome here: the photo goes to a manager.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ModelOutcome.Failed(TimeoutCause.IsTimeout(ex) ? DegradedReasons.Timeout : DegradedReasons.LlmError);
        }

        return AnswerReader.TryRead(response.Text) is { } answer ? new ModelOutcome(answer, null) : ModelOutcome.Failed(DegradedReasons.InvalidReply);
    }
}
