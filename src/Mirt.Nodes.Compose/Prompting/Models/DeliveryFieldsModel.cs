namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates which Nova Poshta delivery fields are known (never their values).
/// </summary>
/// <param name="HasFullName">Tells whether the recipient's full name is known.</param>
/// <param name="HasPhone">Tells whether the phone is known.</param>
/// <param name="HasCity">Tells whether the city is known.</param>
/// <param name="HasBranch">Tells whether the branch or parcel-locker number is known.</param>
public sealed record DeliveryFieldsModel(bool HasFullName, bool HasPhone, bool HasCity, bool HasBranch)
{
    /// <summary>Gets a value indicating whether all four fields are known.</summary>
    public bool IsComplete => HasFullName && HasPhone && HasCity && HasBranch;
}
