using System.Net;
using System.Net.Sockets;

namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the scraping client: resolves the host
/// through <see cref="IDnsResolver"/>, refuses the connection if ANY resolved address is not allowed
/// (a mixed public/private answer is a rebinding smell), and only then opens a socket to the checked
/// address itself, so no second resolution can swap the address. A refusal throws before any socket
/// exists. The handler must not use a proxy (the callback would then see the proxy, not the target).
/// </summary>
public sealed class GuardedConnector(UrlGuard guard, IDnsResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        guard.CheckHost(host);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new PageRefusedException(RefusalReason.Address, $"The host '{host}' resolved to no address.");
        }

        foreach (var address in addresses)
        {
            guard.CheckAddress(host, address);
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
