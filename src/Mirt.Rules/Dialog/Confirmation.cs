namespace Mirt.Rules.Dialog;

/// <summary>
/// Names the customer's answer to a yes-or-no question (confirm the offer, the data, the upsell).
/// </summary>
public enum Confirmation
{
    /// <summary>Neither yes nor no was found.</summary>
    None = 0,

    /// <summary>The customer agrees ("yes", "I take it", "let's place the order").</summary>
    Yes = 1,

    /// <summary>The customer declines ("no", "not needed", "that's all for now").</summary>
    No = 2,
}
