using System.Net;
using System.Net.Sockets;

namespace Mirt.Host.Media;

/// <summary>The connection: the host is resolved here and every address checked, and the socket connects to the
/// checked addresses only, so a DNS answer cannot change between the check and the connection.</summary>
public sealed partial class HttpImageFetcher
{
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || !addresses.All(_isAddressAllowed))
        {
            // One refused address refuses the host: a name that also points inside is not a media host.
            throw new AddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
