namespace MonaSpark.Adapters.Sources.Http;

/// <summary>
/// Reads the whole body inside the resilience pipeline, so the attempt timeout covers a body that
/// trickles in and a connection cut mid-body is retried like any other transient failure.
/// </summary>
internal sealed class BufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
