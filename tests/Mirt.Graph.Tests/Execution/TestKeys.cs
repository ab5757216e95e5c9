using Mirt.Graph.State;

namespace Mirt.Graph.Tests.Execution;

/// <summary>State channels the runtime tests share.</summary>
internal static class TestKeys
{
    public static readonly StateKey<string?> Message = new("message", null, StateKeyLifetime.Turn);

    public static readonly StateKey<IReadOnlyList<string>> Trail = new("trail", [], static (a, b) => [.. a, .. b]);

    public static readonly StateKey<int> Count = new("count", 0);

    public static readonly StateKey<string?> Decision = new("decision", null);

    public static StateKey[] All => [Message, Trail, Count, Decision];

    public static StateWrite[] Say(string text) => [Message.Set(text)];

    public static StateWrite Visit(string node) => Trail.Set([node]);
}
