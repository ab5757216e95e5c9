using System.Net;
using Microsoft.Extensions.AI;

namespace Mirt.Llm.Tests;

/// <summary>Messages and failures the tests share.</summary>
internal static class Samples
{
    public const string Phone = "+380 67 123 45 67";
    public const string PhotoUrl = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17&signature=AbCdEf";
    public const string CustomerText = "Хочу сукню на зріст 110";
    public const string ApiKey = "sk-test-0123456789abcdef";

    public static IReadOnlyList<ChatMessage> Conversation { get; } =
    [
        new(ChatRole.System, "Ти менеджер магазину дитячого одягу."),
        new(ChatRole.User, $"{CustomerText}, мій номер {Phone}"),
        new(ChatRole.User, [new UriContent(PhotoUrl, "image/jpeg"), new DataContent(new byte[] { 0xFF, 0xD8, 0xFF }, "image/jpeg")]),
    ];

    /// <summary>An HTTP failure with a status, as HttpClient reports it.</summary>
    public static HttpRequestException Http(int status) =>
        new($"Response status code does not indicate success: {status}.", null, (HttpStatusCode)status);

    /// <summary>A connection failure (no status).</summary>
    public static HttpRequestException ConnectionRefused() => new("Connection refused (api.example.test:443)");
}
