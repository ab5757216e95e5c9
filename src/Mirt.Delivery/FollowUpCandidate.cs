namespace Mirt.Delivery;

/// <summary>
/// Names a silent customer a follow-up may nudge.
/// </summary>
/// <param name="SubscriberId">The customer.</param>
/// <param name="State">The conversation state the customer went silent in.</param>
/// <param name="LastCustomerAt">When the customer last wrote.</param>
public sealed record FollowUpCandidate(string SubscriberId, string State, DateTimeOffset LastCustomerAt);
