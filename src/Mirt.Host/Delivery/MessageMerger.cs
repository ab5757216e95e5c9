using Mirt.Delivery;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Delivery;

/// <summary>
/// Turns the messages of one claimed turn (a debounced burst such as a greeting, a question and a photo) into the one
/// message the assistant answers.
/// </summary>
internal static class MessageMerger
{
    /// <summary>Merges a claim's messages: texts in order, one per line; the photo (a claim holds at most one); the
    /// newest first name.</summary>
    /// <param name="claim">The claimed turn.</param>
    /// <returns>The message, carrying the turn id (and whether it may have run before) for a crash-safe turn.</returns>
    public static IncomingMessage Merge(TurnClaim claim)
    {
        var texts = claim.Messages.Select(m => m.Text.Trim()).Where(t => t.Length > 0);
        var image = claim.Messages.Select(m => m.ImageUrl).LastOrDefault(u => !string.IsNullOrWhiteSpace(u));
        var firstName = claim.Messages.Select(m => m.FirstName).LastOrDefault(n => !string.IsNullOrWhiteSpace(n));
        return new IncomingMessage(claim.SubscriberId, string.Join('\n', texts), image, firstName, TurnId: claim.TurnId, Resumed: claim.Resumed);
    }

    /// <summary>Tells whether a claim carries a photo (its turn gets the photo deadlines).</summary>
    /// <param name="claim">The claimed turn.</param>
    /// <returns><see langword="true"/> when a message has a photo URL.</returns>
    public static bool HasPhoto(TurnClaim claim) => claim.Messages.Any(m => !string.IsNullOrWhiteSpace(m.ImageUrl));
}
