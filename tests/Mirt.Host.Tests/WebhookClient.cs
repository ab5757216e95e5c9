using System.Net.Http.Json;
using System.Text.Json;

namespace Mirt.Host.Tests;

/// <summary>Sends Dynamic Block requests the way ManyChat does.</summary>
internal static class WebhookClient
{
    public static async Task<(int Status, JsonDocument Body)> PostAsync(Uri host, object body, string? token = "test-secret")
    {
        using var http = new HttpClient { BaseAddress = host };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-ManyChat-Token", token);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    public static object Message(string subscriber, string text, string? imageUrl = null) =>
        new { subscriber_id = subscriber, last_input_text = text, first_name = "{{first_name}}", ig_username = "", image_url = imageUrl };

    public static IReadOnlyList<string> Texts(JsonDocument body) =>
        [.. body.RootElement.GetProperty("content").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!)];
}
