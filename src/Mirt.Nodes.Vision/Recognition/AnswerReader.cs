using System.Text.Json;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Reads the model's reply text as a <see cref="VisionAnswer"/>. Servers that honour the JSON schema send bare JSON;
/// some wrap it in a Markdown code fence anyway, which is tolerated. Anything else is an invalid reply.
/// </summary>
internal static class AnswerReader
{
    private const string Fence = "```";

    public static VisionAnswer? TryRead(string? text)
    {
        var json = Unfence(text?.Trim() ?? string.Empty);
        if (json.Length == 0 || json[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, VisionJsonContext.Default.VisionAnswer);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Unfence(string text)
    {
        if (!text.StartsWith(Fence, StringComparison.Ordinal) || !text.EndsWith(Fence, StringComparison.Ordinal) || text.Length < 2 * Fence.Length)
        {
            return text;
        }

        var inner = text[Fence.Length..^Fence.Length];
        var newline = inner.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 ? inner[(newline + 1)..] : inner).Trim();
    }
}
