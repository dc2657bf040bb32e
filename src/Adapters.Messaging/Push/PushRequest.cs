using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lib.Net.Http.WebPush;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Push;

/// <summary>
/// A web push as it goes out. The recipient of a web push message is the browser's
/// <c>PushSubscription</c> JSON (<c>{"endpoint":"https://…","keys":{"p256dh":"…","auth":"…"}}</c>);
/// the payload is small JSON the service worker shows: <c>title</c> (the subject), <c>body</c> (the
/// first <see cref="MaxBody"/> characters of the text) and <c>url</c> (the landing link, when there is
/// one). The topic is derived from the idempotency key, so a push service holding an undelivered copy
/// replaces it rather than showing the same message twice.
/// </summary>
internal sealed partial record PushRequest(PushSubscription Subscription, Uri Endpoint, string Payload, string Topic, int TimeToLive)
{
    /// <summary>Characters (Unicode scalar values) of the body the payload carries.</summary>
    public const int MaxBody = 120;

    /// <summary>The push for <paramref name="message"/>, or why it cannot go (not a subscription, an endpoint we will not post to).</summary>
    public static (PushRequest? Request, string? Refusal) For(Message message, int timeToLive)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != ContactChannel.WebPush)
        {
            throw new ArgumentException($"Message {message.Id} is for {message.Channel}, not web push.", nameof(message));
        }

        var (subscription, endpoint) = ParseSubscription(message.Recipient);
        if (subscription is null || endpoint is null)
        {
            return (null, "the recipient is not a push subscription (endpoint, p256dh and auth keys)");
        }

        if (PushEndpoints.Refusal(endpoint) is { } refusal)
        {
            return (null, refusal);
        }

        return (new PushRequest(subscription, endpoint, PayloadFor(message), Fingerprint.Of(message.IdempotencyKey), timeToLive), null);
    }

    /// <summary>The payload JSON: <c>{"title":…,"body":…,"url":…}</c>, <c>url</c> left out when there is no landing link.</summary>
    public static string PayloadFor(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = new JsonObject { ["title"] = message.Subject, ["body"] = FirstCharacters(message.Body, MaxBody) };
        if (LandingLink(message) is { } url)
        {
            payload["url"] = url.AbsoluteUri;
        }

        return payload.ToJsonString();
    }

    /// <summary>
    /// The landing link: the first https <c>/l/{token}</c> link in the text, else the one beside the
    /// unsubscribe link (<c>/u/{token}</c> → <c>/l/{token}</c>, as <c>CopyLinks</c> mints them).
    /// </summary>
    public static Uri? LandingLink(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (LandingInText().Match(message.Body) is { Success: true } match && Uri.TryCreate(match.Value, UriKind.Absolute, out var inText))
        {
            return inText;
        }

        return message.UnsubscribeUrl is { IsAbsoluteUri: true, Scheme: "https" } unsubscribe && UnsubscribePath().Match(unsubscribe.AbsolutePath) is { Success: true } path
            ? new Uri(unsubscribe, $"{path.Groups["base"].Value}/l/{path.Groups["token"].Value}")
            : null;
    }

    private static (PushSubscription? Subscription, Uri? Endpoint) ParseSubscription(string json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            var endpointText = node?["endpoint"]?.GetValue<string>();
            var p256dh = node?["keys"]?["p256dh"]?.GetValue<string>();
            var auth = node?["keys"]?["auth"]?.GetValue<string>();
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint)
                || !UrlBase64.TryDecode(p256dh, out var point) || point.Length != 65 || point[0] != 0x04
                || !UrlBase64.TryDecode(auth, out var secret) || secret.Length != 16)
            {
                return (null, null);
            }

            var subscription = new PushSubscription { Endpoint = endpoint.AbsoluteUri, Keys = new Dictionary<string, string>(StringComparer.Ordinal) };
            subscription.SetKey(PushEncryptionKeyName.P256DH, p256dh!);
            subscription.SetKey(PushEncryptionKeyName.Auth, auth!);
            return (subscription, endpoint);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return (null, null);
        }
    }

    private static string FirstCharacters(string text, int count)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Take(count))
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"https://[^\s/]+(?:/[^\s/]+)*/l/[A-Za-z0-9_-]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LandingInText();

    [GeneratedRegex("^(?<base>.*)/u/(?<token>[A-Za-z0-9_-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnsubscribePath();
}
