namespace Mirt.Nodes.Payment.Models;

/// <summary>
/// Fills the request for missing delivery fields.
/// </summary>
/// <param name="NeedName">Tells whether the full name is missing.</param>
/// <param name="NeedPhone">Tells whether the phone is missing.</param>
/// <param name="NeedCity">Tells whether the city is missing.</param>
/// <param name="NeedBranch">Tells whether the Nova Poshta branch number is missing.</param>
/// <param name="HaveAny">Tells whether some fields were already given (thank, then ask for the rest).</param>
public sealed record DeliveryQuestionModel(bool NeedName, bool NeedPhone, bool NeedCity, bool NeedBranch, bool HaveAny);
