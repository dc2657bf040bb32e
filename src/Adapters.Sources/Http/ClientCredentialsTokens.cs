using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MonaSpark.Adapters.Sources.Http;

/// <summary>
/// An OAuth 2.0 client-credentials token (RFC 6749 §4.4), cached until shortly before it expires on
/// <see cref="TimeProvider"/>: Spotify and SoundCloud both take the client id and secret as HTTP
/// Basic auth and <c>grant_type=client_credentials</c> as a form body. SoundCloud limits how many
/// tokens an app may create, so a token is reused until it expires or the API refuses it.
/// </summary>
internal sealed class ClientCredentialsTokens(string source, TimeProvider time) : IDisposable
{
    /// <summary>Renew this long before the stated expiry so a token never dies mid-page.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    /// <summary>The cached token, or a new one from <paramref name="tokenUri"/>.</summary>
    public async Task<string> GetAsync(HttpClient http, Uri tokenUri, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && time.GetUtcNow() < _expiresAt)
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
            {
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await SourceCalls.SendAsync(http, request, source, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceConnectorException($"{source}: the token endpoint refused the client credentials ({(int)response.StatusCode}): {SourceCalls.Excerpt(body)}");
            }

            using var json = SourceCalls.Parse(body, source, "token response");
            var root = json.RootElement;
            if (!root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(token.GetString()))
            {
                throw new SourceConnectorException($"{source}: the token response has no access_token.");
            }

            var lifetime = root.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? TimeSpan.FromSeconds(s) : TimeSpan.FromMinutes(5);
            _token = token.GetString();
            _expiresAt = time.GetUtcNow() + (lifetime > ExpiryMargin * 2 ? lifetime - ExpiryMargin : lifetime / 2);
            return _token!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A GET with the cached token under <paramref name="scheme"/> (<c>Bearer</c>, SoundCloud's <c>OAuth</c>).
    /// A 401 means the token was revoked or expired early: one new token, one more try, no more.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Body)> GetAsync(
        HttpClient http, Uri uri, string scheme, Uri tokenUri, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var token = await GetAsync(http, tokenUri, clientId, clientSecret, cancellationToken);
        var (response, body) = await SendOnceAsync(http, uri, scheme, token, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
        {
            return (response, body);
        }

        response.Dispose();
        Invalidate(token);
        token = await GetAsync(http, tokenUri, clientId, clientSecret, cancellationToken);
        return await SendOnceAsync(http, uri, scheme, token, cancellationToken);
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendOnceAsync(HttpClient http, Uri uri, string scheme, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await SourceCalls.SendAsync(http, request, source, cancellationToken);
        return (response, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Forgets <paramref name="token"/> after the API refused it (401), so the next call fetches a new one.</summary>
    public void Invalidate(string token)
    {
        Interlocked.CompareExchange(ref _token, null, token);
    }

    public void Dispose() => _gate.Dispose();
}
