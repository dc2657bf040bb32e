using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Portal;

/// <summary>What became of a sign-in request (for tests and metrics; the person is always told the same).</summary>
public enum SignInOutcome
{
    Sent = 0,
    UnknownAddress = 1,
    TooMany = 2,
    NoChannel = 3,
    Refused = 4,
}

/// <summary>What a sign-in link says when it is opened or pressed.</summary>
public enum LinkState
{
    Valid = 0,

    /// <summary>Not one of ours (or tampered with).</summary>
    Invalid = 1,

    Expired = 2,

    /// <summary>Used already: a link signs in once.</summary>
    Used = 3,
}

/// <summary>
/// Magic-link sign-in to the portal. <see cref="RequestLinkAsync"/> looks the address up (the artist's
/// e-mail contact points, or the e-mail answer of their onboarding) and, when it is an artist's and the
/// address has an allowance left this hour (<see cref="PortalOptions.LinksPerAddressPerHour"/>, kept in
/// <see cref="IOneTimeTokens"/> so every instance shares it), e-mails a link through the e-mail channel;
/// the caller answers the same whatever happened, so nobody learns which addresses are ours.
/// <see cref="EnterAsync"/> consumes the link once (<see cref="IOneTimeTokens"/>) and mints the session.
/// No address reaches a log.
/// </summary>
public sealed partial class PortalSignIn(
    PortalTokens tokens,
    IArtistStore artists,
    IReadModelStore readModels,
    IOneTimeTokens oneTime,
    IEnumerable<IOutreachChannel> channels,
    RandomNumberGenerator random,
    IOptions<PortalOptions> options,
    IOptions<CopywritingOptions> copy,
    TimeProvider time,
    ILogger<PortalSignIn> logger)
{
    /// <summary>Where an onboarding's e-mail answer is indexed (key: <see cref="PortalTokens.AddressKey(string)"/>, value: the artist id).</summary>
    public const string AddressesName = "portal-addresses";

    public async Task<SignInOutcome> RequestLinkAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var normalised = address.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var settings = options.Value;

        // The allowance first, for every address: a stranger's address costs the same work and is throttled alike.
        if (!await TakeAllowanceAsync(normalised, now, settings.LinksPerAddressPerHour, cancellationToken))
        {
            LogTooMany(logger);
            return SignInOutcome.TooMany;
        }

        var artist = await FindAsync(normalised, cancellationToken);
        if (artist is null)
        {
            return SignInOutcome.UnknownAddress;
        }

        if (channels.FirstOrDefault(c => c.Channel == ContactChannel.Email) is not { } email)
        {
            LogNoChannel(logger);
            return SignInOutcome.NoChannel;
        }

        var token = tokens.MintLink(artist.Id, now + settings.LinkLifetime, NewId());
        var link = new Uri(copy.Value.PublicBaseUrl, "/portal/enter?t=" + Uri.EscapeDataString(token));
        var language = CopyLanguage.ForMarket(artist.Country?.Value);
        var id = "portal-sign-in:" + token.Split('.')[0];
        var message = new Message(id, id, artist.Id, "portal", "sign-in", ContactChannel.Email, normalised, Subject(language), Body(language, link, settings.LinkLifetime), language, MessageStatus.Drafted, now)
        {
            Transactional = true,
        };
        var result = await email.SendAsync(message, cancellationToken);
        if (!result.Accepted)
        {
            LogRefused(logger, artist.Id.Value, result.Error);
            return SignInOutcome.Refused;
        }

        LogSent(logger, artist.Id.Value);
        return SignInOutcome.Sent;
    }

    /// <summary>What the link says now, without using it (the confirm page: mail scanners open links).</summary>
    public LinkState Check(string? token) =>
        tokens.ReadLink(token) is not { } link ? LinkState.Invalid
        : link.ExpiresAt <= time.GetUtcNow() ? LinkState.Expired
        : LinkState.Valid;

    /// <summary>Uses the link: the session cookie's value and its expiry when the link is valid and unused; else why not.</summary>
    public async Task<(LinkState State, string? Session, DateTimeOffset ExpiresAt)> EnterAsync(string? token, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (tokens.ReadLink(token) is not { } link)
        {
            return (LinkState.Invalid, null, default);
        }

        if (link.ExpiresAt <= now)
        {
            return (LinkState.Expired, null, default);
        }

        if (!await oneTime.TryConsumeAsync("portal-link:" + link.Id, link.ExpiresAt, cancellationToken))
        {
            return (LinkState.Used, null, default);
        }

        var expiresAt = now + options.Value.SessionLifetime;
        return (LinkState.Valid, tokens.MintSession(link.Artist, expiresAt), expiresAt);
    }

    /// <summary>The signed-in artist of a session cookie, while it lasts.</summary>
    public ArtistId? SignedIn(string? session) => tokens.ReadSession(session, time.GetUtcNow());

    /// <summary>True when the text is an e-mail address (the onboarding form's rule).</summary>
    public static bool IsAddress(string? text) =>
        OnboardingQuestions.Validate(OnboardingQuestions.For([]).First(q => q.Id == OnboardingQuestions.Email), text).Error is null;

    private async Task<Artist?> FindAsync(string address, CancellationToken cancellationToken)
    {
        foreach (var candidate in await artists.FindByEmailAsync(address, 4, cancellationToken))
        {
            if (candidate.MergedInto is null && candidate.ContactPoints.Any(c => c.Channel == ContactChannel.Email && string.Equals(c.Address.Trim(), address, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return await readModels.GetAsync(AddressesName, tokens.AddressKey(address), cancellationToken) is { } row && ArtistId.TryParse(row.Json.Trim('"'), out var id)
            ? await artists.GetSurvivorAsync(id, cancellationToken)
            : null;
    }

    /// <summary>Takes one of the address's links for this clock hour: slot i of N is an id consumed once, shared by every instance.</summary>
    private async Task<bool> TakeAllowanceAsync(string address, DateTimeOffset now, int perHour, CancellationToken cancellationToken)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var key = tokens.AddressKey(address);
        for (var slot = 0; slot < perHour; slot++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"portal-allowance:{key}:{hour.ToUnixTimeSeconds()}:{slot}");
            if (await oneTime.TryConsumeAsync(id, hour.AddHours(1), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private byte[] NewId()
    {
        var bytes = new byte[16];
        random.GetBytes(bytes);
        return bytes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal sign-in link sent to artist {ArtistId}")]
    private static partial void LogSent(ILogger logger, string artistId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal sign-in requests for one address over the hourly allowance; none sent")]
    private static partial void LogTooMany(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal sign-in link not sent: no e-mail channel is configured")]
    private static partial void LogNoChannel(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal sign-in link for artist {ArtistId} refused by the e-mail channel: {Reason}")]
    private static partial void LogRefused(ILogger logger, string artistId, string? reason);
}
