using System.Text.Json;

namespace Mirt.Testing.Llm;

/// <summary>One request as <see cref="FakeOpenAIServer"/> received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or <see langword="null"/>.</param>
/// <param name="Body">The body as UTF-8 text.</param>
public sealed record FakeOpenAIRequest(string Method, string Path, string? Authorization, string Body)
{
    /// <summary>Parses <see cref="Body"/> as JSON (a fresh copy each time; the caller need not dispose anything).</summary>
    /// <returns>The root element.</returns>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
