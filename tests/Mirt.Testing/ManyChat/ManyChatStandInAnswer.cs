using System.Text.Json;

namespace Mirt.Testing.ManyChat;

/// <summary>An answer of <see cref="ManyChatStandIn"/>, in ManyChat's shapes.</summary>
internal readonly record struct ManyChatStandInAnswer(int Status, string Body, int? Code = null)
{
    public static ManyChatStandInAnswer Success { get; } = new(200, """{"status":"success"}""");

    /// <summary>ManyChat's error shape: every error is HTTP 400 <c>{"status":"error","message":…,"code":…}</c>.</summary>
    public static ManyChatStandInAnswer Error(string message, int? code = null, int status = 400) =>
        new(status, JsonSerializer.Serialize(code is null
            ? (object)new { status = "error", message }
            : new { status = "error", message, code }), code);
}
