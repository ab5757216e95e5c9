using System.Security.Cryptography;
using System.Text;

namespace Mirt.Host.Web;

/// <summary>
/// Compares the <c>X-ManyChat-Token</c> header with the configured secret in constant time.
/// </summary>
/// <param name="secret">The configured secret, or <see langword="null"/> to accept every request (start-up warns).</param>
public sealed class SharedSecret(string? secret)
{
    private readonly byte[]? _secretHash = secret is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Gets the header ManyChat sends the secret in.</summary>
    public const string HeaderName = "X-ManyChat-Token";

    /// <summary>Gets a value indicating whether a secret is configured.</summary>
    public bool IsConfigured => _secretHash is not null;

    /// <summary>Checks a presented token.</summary>
    /// <param name="presented">The header value, or <see langword="null"/> when absent.</param>
    /// <returns><see langword="true"/> when no secret is configured or the token matches.</returns>
    public bool Accepts(string? presented)
    {
        if (_secretHash is null)
        {
            return true;
        }

        // Hashing first makes the comparison take the same time whatever the presented length.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? string.Empty));
        return CryptographicOperations.FixedTimeEquals(presentedHash, _secretHash);
    }
}
