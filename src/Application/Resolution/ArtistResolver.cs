using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Resolution;

/// <summary>
/// Decides which artist a valid record is about, strongest evidence first: a shared platform id;
/// then the artist the record itself created earlier (a replay or a re-fetch); then candidates
/// sharing a link, an e-mail or a name key, scored by <see cref="MatchScorer"/> against
/// <see cref="ResolutionOptions"/>. Reads only: the caller writes.
/// </summary>
public sealed class ArtistResolver(IArtistStore artists, IOptions<ResolutionOptions> options)
{
    public async Task<ArtistResolution> ResolveAsync(SourceRecord record, SourceProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(profile);
        var owners = new List<Artist>();
        foreach (var p in profile.Profiles)
        {
            if (await artists.FindByProfileAsync(p.Platform, p.ExternalId, cancellationToken) is { } owner && owners.All(o => o.Id != owner.Id))
            {
                owners.Add(owner);
            }
        }

        if (owners.Count > 0)
        {
            // The oldest survives, so a merge keeps the id that outreach and leads already know.
            var ordered = owners.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id.Value, StringComparer.Ordinal).ToList();
            return ArtistResolution.Into(ordered[0], MatchScorer.SharedProfile, ordered.Skip(1).ToList());
        }

        if (await artists.GetSurvivorAsync(ArtistId.ForSource(record.Source, profile.ExternalId), cancellationToken) is { } own)
        {
            return ArtistResolution.Into(own, MatchScorer.SharedProfile);
        }

        var settings = options.Value;
        var subject = MatchSubject.Of(profile);
        var best = (await CandidatesAsync(profile, settings.MaxCandidates, cancellationToken))
            .Select(c => (Artist: c, Score: MatchScorer.Score(MatchSubject.Of(c), subject)))
            .OrderByDescending(c => c.Score.Confidence)
            .ThenBy(c => c.Artist.CreatedAt)
            .ThenBy(c => c.Artist.Id.Value, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Artist is null || best.Score.Confidence < settings.ReviewThreshold)
        {
            return ArtistResolution.New;
        }

        return best.Score.Confidence >= settings.AutoMergeThreshold
            ? ArtistResolution.Into(best.Artist, best.Score.Confidence)
            : ArtistResolution.New with { ReviewCandidate = best.Artist, ReviewScore = best.Score };
    }

    /// <summary>
    /// Every artist sharing a link, the e-mail or the name key with the record, up to
    /// <paramref name="max"/> per key, each once: one store call (one query on SQLite).
    /// </summary>
    private Task<IReadOnlyList<Artist>> CandidatesAsync(SourceProfile profile, int max, CancellationToken cancellationToken)
    {
        var keys = profile.Profiles.Select(p => p.Url).Concat(profile.Websites ?? [])
            .Select(link => new MatchKey(MatchKeyKind.Link, MatchKeys.Link(link)))
            .ToList();
        if (profile.BusinessEmail is { } email)
        {
            keys.Add(new MatchKey(MatchKeyKind.Email, MatchKeys.Email(email)));
        }

        if (NameKey.Of(profile.Name) is { Length: > 0 } key)
        {
            keys.Add(new MatchKey(MatchKeyKind.Name, key));
        }

        return artists.FindCandidatesAsync(keys.Distinct().ToList(), max, cancellationToken);
    }
}
