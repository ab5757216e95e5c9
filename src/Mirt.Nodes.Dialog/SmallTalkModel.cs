namespace Mirt.Nodes.Dialog;

/// <summary>
/// Fills the small-talk template.
/// </summary>
/// <param name="SaleInProgress">Tells whether a purchase is under way, so the reply can invite the customer back to it.</param>
public sealed record SmallTalkModel(bool SaleInProgress);
