using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Concurrency;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Landing;

/// <summary>What became of a web push opt-in.</summary>
public enum PushOptInStatus
{
    /// <summary>The subscription is now one of the artist's contact points, with their consent.</summary>
    Subscribed = 0,

    /// <summary>The same subscription was already theirs: nothing changed.</summary>
    AlreadySubscribed = 1,

    /// <summary>Not a push subscription (endpoint, p256dh and auth keys): nothing stored.</summary>
    Invalid = 2,

    /// <summary>The form offers no push (no VAPID key is configured).</summary>
    NotOffered = 3,

    /// <summary>The link is not ours, or its artist is gone.</summary>
    NotFound = 4,

    /// <summary>The link expired.</summary>
    Expired = 5,

    /// <summary>Onboarding is not complete: push is offered after signup.</summary>
    TooEarly = 6,
}

/// <summary>
/// Web push opt-in, offered once the onboarding form is complete: the browser's
/// <c>PushSubscription</c> (<c>{"endpoint":"https://…","keys":{"p256dh":"…","auth":"…"}}</c>) becomes a
/// web push contact point of the artist (stated by the artist, lawful basis consent) and their consent
/// for the channel is recorded, so the push channel can reach them and the send policy lets it. The
/// same subscription twice changes nothing. Where to post it is checked when a push is sent.
/// </summary>
public sealed class PushOptIns(LinkTokens links, IArtistStore artists, IReadModelStore sessions, IContactRegistry contacts, IOptions<WebPushOptInOptions> options, TimeProvider time)
{
    /// <summary>The largest subscription JSON taken.</summary>
    public const int MaxSubscriptionLength = 4_096;

    private static readonly KeyedLocks<string> Artists = new();

    public async Task<PushOptInStatus> SubscribeAsync(string? token, string? subscriptionJson, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PublicKey))
        {
            return PushOptInStatus.NotOffered;
        }

        var (status, found) = await LandingLinks.ArtistOfAsync(links, artists, token, cancellationToken);
        if (found is null)
        {
            return status == LandingStatus.Expired ? PushOptInStatus.Expired : PushOptInStatus.NotFound;
        }

        if (Canonical(subscriptionJson) is not { } address)
        {
            return PushOptInStatus.Invalid;
        }

        using var serial = await Artists.LockAsync(found.Id.Value, cancellationToken);
        if (await sessions.GetAsync(OnboardingForms.SessionsName, found.Id.Value, cancellationToken) is not { } row
            || JsonSerializer.Deserialize<OnboardingSession>(row.Json) is not { CompletedAt: not null })
        {
            return PushOptInStatus.TooEarly;
        }

        for (var attempt = 0; ; attempt++)
        {
            var artist = attempt == 0 ? found : await artists.GetSurvivorAsync(found.Id, cancellationToken);
            if (artist is null)
            {
                return PushOptInStatus.NotFound;
            }

            if (artist.ContactPoints.Any(c => c.Channel == ContactChannel.WebPush && c.Address == address))
            {
                return PushOptInStatus.AlreadySubscribed;
            }

            var now = time.GetUtcNow();
            var point = new ContactPoint(ContactChannel.WebPush, address, LawfulBasis.Consent, false, new Provenance(SourceKind.Artist, null, now));
            try
            {
                await artists.SaveAsync(artist with { ContactPoints = [.. artist.ContactPoints, point] }, [], [], cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                continue;
            }

            await contacts.RecordConsentAsync(
                new Consent(artist.Id, ContactChannel.WebPush, ConsentStatus.Granted, LawfulBasis.Consent, "push opt-in after signup on the onboarding form", now),
                [new ConsentGiven(artist.Id.Value, now, ContactChannel.WebPush, "onboarding-form")],
                cancellationToken);
            return PushOptInStatus.Subscribed;
        }
    }

    /// <summary>
    /// The subscription as stored: <c>{"endpoint":…,"keys":{"p256dh":…,"auth":…}}</c> and nothing else,
    /// or null when it is not one (an absolute https endpoint; p256dh a 65-byte uncompressed P-256 point
    /// and auth 16 bytes, both base64url).
    /// </summary>
    public static string? Canonical(string? subscriptionJson)
    {
        if (string.IsNullOrWhiteSpace(subscriptionJson) || subscriptionJson.Length > MaxSubscriptionLength)
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(subscriptionJson);
            var endpoint = json?["endpoint"]?.GetValue<string>();
            var p256dh = json?["keys"]?["p256dh"]?.GetValue<string>();
            var auth = json?["keys"]?["auth"]?.GetValue<string>();
            if (endpoint is not { Length: <= 2_048 } || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
                || Base64UrlLength(p256dh) != 65 || Base64UrlLength(auth) != 16)
            {
                return null;
            }

            return new JsonObject { ["endpoint"] = endpoint, ["keys"] = new JsonObject { ["p256dh"] = p256dh, ["auth"] = auth } }.ToJsonString();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>How many bytes <paramref name="value"/> decodes to as base64url (padding allowed), or -1.</summary>
    private static int Base64UrlLength(string? value)
    {
        if (value is null || value.Length > 128)
        {
            return -1;
        }

        try
        {
            return Base64Url.DecodeFromChars(value.TrimEnd('=')).Length;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
