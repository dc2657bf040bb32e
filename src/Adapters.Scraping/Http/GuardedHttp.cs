using System.Net;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Http;

/// <summary>
/// GET through the scraping client (SSRF-guarded sockets, resilience pipeline, bounded body) with
/// redirects followed here, not by the handler: every hop is re-checked by <see cref="UrlGuard"/>
/// (scheme, credentials, allow-list) and by the caller's <c>beforeHop</c> (robots.txt, politeness;
/// the lease it returns is disposed when the hop's response is in) before it is requested, and its address is checked again when its socket connects.
/// </summary>
public sealed class GuardedHttp(IHttpClientFactory clients, UrlGuard guard, IOptions<WebScrapingOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> registered by <c>AddWebScraping</c>.</summary>
    public const string ClientName = "monaspark-web";

    /// <summary>Request option read by <see cref="BoundedBufferingHandler"/>: the largest body accepted.</summary>
    public static readonly HttpRequestOptionsKey<int> MaxBytesKey = new("monaspark.maxBytes");

    /// <summary>The final (non-redirect) response; its <c>RequestMessage.RequestUri</c> is where the redirects led.</summary>
    public async Task<HttpResponseMessage> GetAsync(
        Uri url,
        int maxBytes,
        CancellationToken cancellationToken,
        Func<Uri, CancellationToken, Task<IDisposable?>>? beforeHop = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var client = clients.CreateClient(ClientName);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            guard.CheckUrl(current);
            // The hop's lease (politeness turn) is held until its response is read.
            using var lease = beforeHop is null ? null : await beforeHop(current, cancellationToken);
            var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Options.Set(MaxBytesKey, maxBytes);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (Exception ex)
            {
                request.Dispose();
                // SocketsHttpHandler wraps what the ConnectCallback throws: surface the refusal itself.
                if (ex is not PageRefusedException && PageRefusedException.Find(ex) is { } refused)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refused);
                }

                throw;
            }

            if (!IsRedirect(response.StatusCode))
            {
                return response;
            }

            var location = response.Headers.Location;
            response.Dispose();
            request.Dispose();
            if (location is null)
            {
                throw new PageRefusedException(RefusalReason.Redirect, $"A redirect from {current} has no Location.");
            }

            if (hop >= options.Value.MaxRedirects)
            {
                throw new PageRefusedException(RefusalReason.Redirect, $"More than {options.Value.MaxRedirects} redirects from {url}.");
            }

            current = location.IsAbsoluteUri ? location : new Uri(current, location);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
