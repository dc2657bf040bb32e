using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Http;

/// <summary>
/// Reads the whole body inside the resilience pipeline (so the attempt timeout covers a body that
/// trickles in), but never more than the request's limit: a larger body is refused, not truncated.
/// </summary>
internal sealed class BoundedBufferingHandler(int defaultMaxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var max = request.Options.TryGetValue(GuardedHttp.MaxBytesKey, out var m) ? m : defaultMaxBytes;
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            if (response.Content.Headers.ContentLength > max)
            {
                throw new PageRefusedException(RefusalReason.TooLarge, $"The body is larger than {max} bytes.");
            }

            var body = new MemoryStream();
            await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (body.Length + read > max)
                    {
                        throw new PageRefusedException(RefusalReason.TooLarge, $"The body is larger than {max} bytes.");
                    }

                    body.Write(buffer, 0, read);
                }
            }

            var content = new ByteArrayContent(body.ToArray());
            foreach (var header in response.Content.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content.Dispose();
            response.Content = content;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
