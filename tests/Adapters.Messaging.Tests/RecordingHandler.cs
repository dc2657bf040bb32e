using System.Net;

namespace MonaSpark.Adapters.Messaging.Tests;

/// <summary>
/// The SDKs' own transport hook: an <see cref="HttpMessageHandler"/> under the <see cref="HttpClient"/>
/// they are given. Records every request (with its body read out) and answers with the next queued
/// response, or throws the queued exception (a network failure).
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler, IHttpClientFactory
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<Recorded> Requests { get; } = [];

    public RecordingHandler Answer(HttpStatusCode status, string body = "", string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    public RecordingHandler Fail(Exception exception)
    {
        _answers.Enqueue(() => throw exception);
        return this;
    }

    public HttpClient CreateClient(string name)
    {
        Names.Add(name);
        return new HttpClient(this, disposeHandler: false);
    }

    public List<string> Names { get; } = [];

    public Recorded Single => Requests.ShouldHaveSingleItem();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add(new Recorded(request, body));
        return _answers.Count == 0 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : _answers.Dequeue()();
    }

    /// <summary>A request as it left the SDK: method, URI, headers (request and content) and raw body.</summary>
    internal sealed record Recorded(HttpRequestMessage Request, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);

        public string? Header(string name) =>
            Request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : Request.Content?.Headers.TryGetValues(name, out var content) == true ? string.Join(", ", content)
            : null;
    }
}
