using System.Text.Json;

namespace Mirt.Testing.ManyChat;

/// <summary>What the stand-in knows of one subscriber; guarded by the stand-in's lock.</summary>
internal sealed class ManyChatSubscriber
{
    public DateTimeOffset LastInbound { get; set; }

    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonElement> Fields { get; } = new(StringComparer.Ordinal);
}
