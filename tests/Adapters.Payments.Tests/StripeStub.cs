using System.Net;
using System.Text;

namespace MonaSpark.Adapters.Payments.Tests;

/// <summary>
/// Stands in for the Stripe API under the SDK's own transport: records each request (method, URI,
/// headers, form body) and answers with the next scripted response, as Stripe documents them.
/// </summary>
internal sealed class StripeStub : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public StripeStub Answer(HttpStatusCode status, string json)
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            response.Headers.Add("Request-Id", "req_" + Requests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(14, '0'));
            return response;
        });
        return this;
    }

    public StripeStub Fail(Exception exception)
    {
        _answers.Enqueue(() => throw exception);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.MediaType, body));
        if (!_answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No answer scripted for {request.Method} {request.RequestUri}.");
        }

        return answer();
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    /// <summary>The form fields in order, decoded (<c>line_items[0][price_data][currency]</c> → <c>eur</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form =>
        [.. Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(kv => KeyValuePair.Create(WebUtility.UrlDecode(kv[0]), WebUtility.UrlDecode(kv.Length > 1 ? kv[1] : string.Empty)))];

    public string Field(string name) => Form.Single(kv => kv.Key == name).Value;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No {name} header.");
}

/// <summary>An <see cref="IHttpClientFactory"/> whose clients all go through one handler.</summary>
internal sealed class StubHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
