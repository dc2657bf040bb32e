using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Domain.Resolution;

/// <summary>What <see cref="MatchScorer"/> compares: the same shape for a stored artist and an incoming record.</summary>
public sealed record MatchSubject(
    string Name,
    CountryCode? Country,
    IReadOnlyList<string> Genres,
    IReadOnlyList<ProfileLink> Profiles,
    IReadOnlyList<string> Emails,
    IReadOnlyList<Uri>? Websites = null)
{
    /// <summary>Every link that identifies the subject: its platform pages and the sites it published.</summary>
    public IEnumerable<Uri> Links => Profiles.Select(p => p.Url).Concat(Websites ?? []);

    public static MatchSubject Of(Artist artist)
    {
        ArgumentNullException.ThrowIfNull(artist);
        return new MatchSubject(
            artist.Name.Value,
            artist.Country?.Value,
            artist.Genres?.Value ?? [],
            artist.Profiles.Select(p => new ProfileLink(p.Platform, p.ExternalId, p.Url)).ToList(),
            artist.ContactPoints.Where(c => c.Channel == ContactChannel.Email).Select(c => c.Address).ToList(),
            artist.Websites.Select(w => w.Value).ToList());
    }

    public static MatchSubject Of(SourceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new MatchSubject(profile.Name, profile.Country, profile.Genres, profile.Profiles, profile.BusinessEmail is { } e ? [e] : [], profile.Websites ?? []);
    }
}
