using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>Holds the operator endpoints' bearer token (<c>MIRT_ADMIN_TOKEN</c>), compared in constant time.</summary>
/// <param name="token">The token, or <see langword="null"/> to refuse every operator request.</param>
internal sealed class OperatorToken(string? token)
{
    /// <summary>Gets whether a token is configured.</summary>
    public bool IsConfigured { get; } = token is not null;

    /// <summary>Gets the constant-time comparer of the token.</summary>
    public SharedSecret Secret { get; } = new(token);
}
