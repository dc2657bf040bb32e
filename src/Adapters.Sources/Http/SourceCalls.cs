using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace MonaSpark.Adapters.Sources.Http;

/// <summary>
/// Sends through the named client and turns what the resilience pipeline gives up on into a
/// <see cref="SourceConnectorException"/> with plain words; a spent local budget (rate limiter)
/// becomes <see cref="SourceBudgetExhaustedException"/>, which connectors answer by ending the page early.
/// </summary>
internal static class SourceCalls
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string source, CancellationToken cancellationToken)
    {
        var what = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SourceConnectorException($"{source}: {what} timed out after {ex.Timeout} (retries included); the cursor is unchanged.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new SourceConnectorException($"{source}: the circuit is open after repeated failures; {what} was not sent. It closes again after the break.", ex);
        }
        catch (RateLimiterRejectedException ex)
        {
            throw new SourceBudgetExhaustedException($"{source}: the rate limit window is spent; retry after {ex.RetryAfter?.ToString() ?? "the window"}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceConnectorException($"{source}: {what} failed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceConnectorException($"{source}: {what} was cancelled by a timeout.", ex);
        }
    }

    /// <summary>Parses a whole page; an unparseable page is an error (it cannot be split into records).</summary>
    public static JsonDocument Parse(string body, string source, string what)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new SourceConnectorException(
                $"{source}: the {what} is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}; {body.Length} characters received); the page is not landed and the cursor is unchanged.", ex);
        }
    }

    /// <summary>Whether a body parses: a single-record response that does not is landed raw for quarantine.</summary>
    public static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Resolves <paramref name="relative"/> under the API root, whether or not the configured root ends in '/'.</summary>
    public static Uri Resolve(Uri baseUri, string relative)
    {
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new Uri(root, relative);
    }

    public static string Excerpt(string body) => body.Length <= 300 ? body : string.Concat(body.AsSpan(0, 300), "…");

    /// <summary>Fails with the status and an excerpt of the body.</summary>
    public static SourceConnectorException Refused(string source, HttpResponseMessage response, string body) =>
        new($"{source}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Excerpt(body)}");
}
