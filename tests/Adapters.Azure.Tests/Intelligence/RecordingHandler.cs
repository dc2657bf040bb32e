using System.Net;
using System.Text;
using System.Text.Json;

namespace MonaSpark.Adapters.Azure.Tests.Intelligence;

/// <summary>
/// The HTTP transport under an SDK client: records every request (method, URL, headers, JSON body)
/// and answers with what <c>respond</c> returns, in the service's documented shape. Nothing leaves the process.
/// </summary>
internal sealed class RecordingHandler(Func<RecordedRequest, (HttpStatusCode Status, string Json)> respond) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            string.IsNullOrEmpty(body) ? null : JsonDocument.Parse(body).RootElement.Clone());
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        var (status, json) = respond(recorded);
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, JsonElement? Body)
{
    /// <summary>The path without the query, unescaped (AI Search writes <c>indexes('name')</c>).</summary>
    public string Path => Uri.UnescapeDataString(Uri.AbsolutePath);

    public JsonElement Json => Body ?? throw new InvalidOperationException($"{Method} {Uri} has no body.");
}
