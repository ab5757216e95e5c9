using System.Net;
using System.Net.Sockets;

namespace Mirt.Host.Media;

/// <summary>
/// Tells public internet addresses from the ones a server-side fetch must never reach (SSRF): loopback, private,
/// link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, multicast, documentation, benchmarking and
/// reserved ranges, and IPv6 addresses that embed one of those.
/// </summary>
public static class PublicAddress
{
    /// <summary>Tells whether an address is a public unicast address.</summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="true"/> when a fetch may connect to it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is <see langword="null"/>.</exception>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] is 0 or 10 or 127 or >= 224 // "this" network, private, loopback, multicast and reserved/broadcast
        || (b[0] == 100 && b[1] is >= 64 and <= 127) // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
        || (b[0] == 172 && b[1] is >= 16 and <= 31) // private
        || (b[0] == 192 && b[1] == 168) // private
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, documentation
        || (b[0] == 198 && b[1] is 18 or 19) // benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100) // documentation
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)); // documentation

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            // NAT64 (64:ff9b::/96) reaches the IPv4 address in the last four bytes.
            return IsPublicV4(b[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            // 6to4 (2002::/16) reaches the IPv4 address in bytes 2-5.
            return IsPublicV4(b[2..6]);
        }

        // Only global unicast (2000::/3) is public; documentation 2001:db8::/32 is not.
        return (b[0] & 0xE0) == 0x20 && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
    }
}
