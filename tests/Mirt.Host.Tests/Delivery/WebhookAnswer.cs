namespace Mirt.Host.Tests.Delivery;

/// <summary>One webhook's answer as ManyChat would see it.</summary>
/// <param name="Sent">The text the customer sent.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Texts">The answer's message texts (empty: ManyChat shows nothing).</param>
/// <param name="Took">How long the answer took.</param>
internal sealed record WebhookAnswer(string Sent, int Status, IReadOnlyList<string> Texts, TimeSpan Took)
{
    public bool IsEmpty => Texts.Count == 0;
}
