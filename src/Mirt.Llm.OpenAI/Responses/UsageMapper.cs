using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Responses;

/// <summary>Maps OpenAI token usage to <see cref="UsageDetails"/>.</summary>
internal static class UsageMapper
{
    /// <summary>Maps input, output and total tokens, cached input and reasoning tokens, and the audio and prediction counts.</summary>
    /// <param name="usage">The usage the server reported.</param>
    /// <returns>The usage in tokens; the audio and prediction counts go to <see cref="UsageDetails.AdditionalCounts"/> under the SDK's property names.</returns>
    public static UsageDetails FromOpenAI(ChatTokenUsage usage)
    {
        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
            CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
            ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
            AdditionalCounts = [],
        };

        if (usage.InputTokenDetails is { } input)
        {
            details.AdditionalCounts["InputTokenDetails.AudioTokenCount"] = input.AudioTokenCount;
        }

        if (usage.OutputTokenDetails is { } output)
        {
            details.AdditionalCounts["OutputTokenDetails.AudioTokenCount"] = output.AudioTokenCount;
#pragma warning disable OPENAI001 // Prediction counts are marked experimental in the SDK; the official adapter maps them too.
            details.AdditionalCounts["OutputTokenDetails.AcceptedPredictionTokenCount"] = output.AcceptedPredictionTokenCount;
            details.AdditionalCounts["OutputTokenDetails.RejectedPredictionTokenCount"] = output.RejectedPredictionTokenCount;
#pragma warning restore OPENAI001
        }

        return details;
    }
}
