namespace Mirt.Nodes.Dialog;

/// <summary>
/// Fills the greeting templates.
/// </summary>
/// <param name="FirstName">The customer's first name from Instagram, or <see langword="null"/>.</param>
/// <param name="PersonaName">The manager persona's name from the shop profile.</param>
/// <param name="ShopName">The shop's name from the shop profile.</param>
public sealed record WelcomeModel(string? FirstName, string PersonaName, string ShopName);
