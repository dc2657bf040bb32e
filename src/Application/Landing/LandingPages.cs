using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach.Copy;
using MonaSpark.Domain.Outreach.Links;

namespace MonaSpark.Application.Landing;

/// <summary>What a landing link leads to.</summary>
public enum LandingStatus
{
    Ready = 0,

    /// <summary>Not one of our links, or its artist is gone (404).</summary>
    NotFound = 1,

    /// <summary>One of ours, past its expiry (410): the unsubscribe link in the message still works.</summary>
    Expired = 2,
}

/// <summary>A landing page's content: everything the renderer shows, loaded first (the renderer does no I/O).</summary>
/// <param name="Version">A hash of everything shown: the page's ETag, and what its nonce is derived from.</param>
public sealed record LandingContent(
    string Token,
    string Language,
    string ArtistName,
    Uri? ImageUrl,
    IReadOnlyList<string> Genres,
    LandingMomentum Momentum,
    LandingOffer Offer,
    string VariantId,
    IReadOnlyList<string> ProofPoints,
    DateTimeOffset ExpiresAt,
    string Version);

/// <summary>The artist's numbers: the audience across platforms and its growth over 28 days (null when unknown).</summary>
public sealed record LandingMomentum(long? Audience, double? Growth28Days, int Platforms);

/// <summary>The recommended offer, priced in the artist's currency.</summary>
public sealed record LandingOffer(string Id, string Name, Money Price, BillingPeriod Period);

public sealed record LandingLoad(LandingStatus Status, LandingContent? Content)
{
    public static readonly LandingLoad NotFound = new(LandingStatus.NotFound, null);

    public static readonly LandingLoad Expired = new(LandingStatus.Expired, null);
}

/// <summary>
/// Loads a landing page's content from its token: the signed token names the artist (no personal data
/// in it); the profile, the metrics, the campaign's offer priced in the artist's currency and the copy
/// variant of the journey that sent the link are read here, so the renderer only formats. The
/// language follows the artist's market (French-speaking markets read French), not the request, so
/// one cached page serves every visitor. Views are journalled (<see cref="LandingViewed"/>) through
/// the uncached beacon, at most once per <see cref="LandingOptions.ViewsCountOnceWithin"/>.
/// </summary>
public sealed class LandingPages(
    LinkTokens links,
    IArtistStore artists,
    IOutreachMessageStore messages,
    IReadModelStore views,
    IJournal journal,
    IOptions<OutreachOptions> outreach,
    IOptions<CopywritingOptions> copy,
    IOptions<LandingOptions> options,
    TimeProvider time)
{
    /// <summary>Where the last counted view of each artist's page is kept.</summary>
    public const string ViewsName = "landing-views";

    /// <summary>Changes when the page's markup changes, so cached pages of the old markup are not revalidated as current.</summary>
    public const string RenderVersion = "landing-1";

    private static readonly TimeSpan MetricsWindow = TimeSpan.FromDays(120);

    public async Task<LandingLoad> LoadAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (status, artist) = await ArtistOfAsync(token, cancellationToken);
        if (status != LandingStatus.Ready)
        {
            return new LandingLoad(status, null);
        }

        var now = time.GetUtcNow();
        var settings = outreach.Value;
        var sent = (await messages.ListByArtistAsync(artist!.Id, cancellationToken)).Where(m => m.CampaignId.Length > 0).MaxBy(m => m.CreatedAt);
        var campaign = settings.Campaigns.FirstOrDefault(c => c.Id == sent?.CampaignId) ?? settings.Campaigns[0];
        var variant = sent?.VariantId ?? (campaign.Variants.Count == 0 ? "intro" : campaign.Variants[JourneyPlanner.Bucket(artist.Id, campaign.Id, campaign.Variants.Count)]);
        var offer = settings.Offer(campaign.OfferId);
        var price = settings.PriceFor(offer, artist.Country?.Value)!;
        var language = CopyLanguage.ForMarket(artist.Country?.Value);

        var snapshots = await artists.GetAllSnapshotsAsync(artist, now - MetricsWindow, cancellationToken);
        var growth = Growth.Over(snapshots, TimeSpan.FromDays(28), now);
        var latest = snapshots.GroupBy(s => s.Platform).Select(g => g.MaxBy(s => s.ObservedAt)!).ToList();
        var audience = latest.Count == 0 ? (long?)null : latest.Sum(s => s.Followers);
        var momentum = new LandingMomentum(audience, growth.Total, latest.Count);

        var reading = links.Read(token);
        var content = new LandingContent(
            token!,
            language,
            artist.Name.Value,
            artist.ImageUrl?.Value,
            artist.Genres?.Value ?? [],
            momentum,
            new LandingOffer(offer.Id, offer.Name, price, offer.Period),
            variant,
            options.Value.ProofPointsIn(language),
            reading.ExpiresAt,
            string.Empty);
        return new LandingLoad(LandingStatus.Ready, content with { Version = VersionOf(content) });
    }

    /// <summary>
    /// Counts a view of the page (the beacon): journals <see cref="LandingViewed"/> unless this artist's
    /// page was counted within <see cref="LandingOptions.ViewsCountOnceWithin"/>.
    /// </summary>
    /// <returns>The link's status, and whether this view was counted.</returns>
    public async Task<(LandingStatus Status, bool Counted)> RecordViewAsync(string? token, string? variantId, CancellationToken cancellationToken = default)
    {
        var reading = links.Read(token);
        if (reading.Status != LinkTokenStatus.Valid)
        {
            return (reading.Status == LinkTokenStatus.Expired ? LandingStatus.Expired : LandingStatus.NotFound, false);
        }

        var now = time.GetUtcNow();
        var key = reading.ArtistId.Value;
        if (await views.GetAsync(ViewsName, key, cancellationToken) is { } last
            && JsonSerializer.Deserialize<DateTimeOffset>(last.Json) is var at && now - at < options.Value.ViewsCountOnceWithin)
        {
            return (LandingStatus.Ready, false);
        }

        var variant = string.IsNullOrWhiteSpace(variantId) || variantId.Length > 40 || !variantId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? "unknown" : variantId;
        await views.SaveAsync(ViewsName, [new ReadModelRow(key, JsonSerializer.Serialize(now), 0)], 0, cancellationToken);
        await journal.AppendAsync([new LandingViewed(key, now, variant)], cancellationToken);
        return (LandingStatus.Ready, true);
    }

    /// <summary>The artist's current landing page (<c>/l/{token}</c> under the public origin): the one their latest message links to, while it is valid.</summary>
    public async Task<Uri?> CurrentLinkAsync(ArtistId artistId, CancellationToken cancellationToken = default) =>
        await CurrentTokenAsync(artistId, cancellationToken) is { } token ? CopyLinks.For(copy.Value.PublicBaseUrl, token).Landing : null;

    /// <summary>The token of the artist's current landing link, while it is valid.</summary>
    public async Task<string?> CurrentTokenAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        // A message's landing and unsubscribe links carry the same token (CopyLinks): /l/{token}, /u/{token}.
        var latest = (await messages.ListByArtistAsync(artistId, cancellationToken)).Where(m => m.UnsubscribeUrl is not null).MaxBy(m => m.CreatedAt);
        var token = latest?.UnsubscribeUrl!.Segments[^1];
        return token is not null && links.Read(token).Status == LinkTokenStatus.Valid ? token : null;
    }

    private Task<(LandingStatus Status, Artist? Artist)> ArtistOfAsync(string? token, CancellationToken cancellationToken) =>
        LandingLinks.ArtistOfAsync(links, artists, token, cancellationToken);

    private static string VersionOf(LandingContent content)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(content);
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes(RenderVersion), .. json]);
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
