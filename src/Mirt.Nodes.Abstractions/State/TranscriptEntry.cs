namespace Mirt.Nodes.Abstractions.State;

/// <summary>One line of the conversation transcript: a customer message or one bot bubble.</summary>
/// <param name="Role"><see cref="CustomerRole"/> or <see cref="BotRole"/>.</param>
/// <param name="Text">The text as sent or received (a customer's photo is its URL on its own line).</param>
/// <param name="At">When the turn that recorded the line ran (UTC).</param>
public sealed record TranscriptEntry(string Role, string Text, DateTimeOffset At)
{
    /// <summary>The role of customer lines.</summary>
    public const string CustomerRole = "customer";

    /// <summary>The role of bot lines.</summary>
    public const string BotRole = "bot";
}
