using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>
/// Folds a valid import profile into an artist. Each field keeps its provenance; a conflicting
/// value is resolved by <see cref="Sourced{T}.Prefer"/> (newer observation wins, then the more
/// authoritative source). Lists (platform profiles, contact points) keep one entry per key.
/// </summary>
public static class ProfileMerger
{
    public static MergeResult Merge(Artist? existing, ArtistId id, SourceProfile profile, SourceRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(record);
        var provenance = new Provenance(record.Source, record.Id, profile.ObservedAt);
        var changed = new List<string>();

        Sourced<T>? Pick<T>(string field, Sourced<T>? current, T? value)
            where T : notnull
        {
            if (value is null)
            {
                return current;
            }

            var chosen = new Sourced<T>(value, provenance).Prefer(current);
            if (current is null || !ReferenceEquals(chosen, current))
            {
                changed.Add(field);
            }

            return chosen;
        }

        var name = Pick("name", existing?.Name, profile.Name)!;
        var bio = Pick("bio", existing?.Bio, profile.Bio);
        var country = profile.Country is { } c ? Pick("country", existing?.Country, c) : existing?.Country;
        var genres = Pick<IReadOnlyList<string>>("genres", existing?.Genres, profile.Genres.Count > 0 ? profile.Genres : null);
        var image = Pick("imageUrl", existing?.ImageUrl, profile.ImageUrl);

        var profiles = (existing?.Profiles ?? []).ToList();
        foreach (var p in profile.Profiles)
        {
            if (!profiles.Any(x => x.Platform == p.Platform && x.ExternalId == p.ExternalId))
            {
                profiles.Add(new PlatformProfile(p.Platform, p.ExternalId, p.Url, provenance));
                changed.Add($"profiles.{p.Platform.ToString().ToLowerInvariant()}");
            }
        }

        var websites = (existing?.Websites ?? []).ToList();
        foreach (var site in profile.Websites ?? [])
        {
            var key = Resolution.MatchKeys.Link(site);
            if (!websites.Any(w => Resolution.MatchKeys.Link(w.Value) == key))
            {
                websites.Add(new Sourced<Uri>(site, provenance));
                changed.Add("websites");
            }
        }

        var contacts = (existing?.ContactPoints ?? []).ToList();
        if (profile.BusinessEmail is { } email
            && !contacts.Any(x => x.Channel == ContactChannel.Email && string.Equals(x.Address, email, StringComparison.OrdinalIgnoreCase)))
        {
            // A booking/contact address the artist published for professional enquiries.
            contacts.Add(new ContactPoint(ContactChannel.Email, email, LawfulBasis.LegitimateInterest, IsBusinessContact: true, provenance));
            changed.Add("contactPoints.email");
        }

        var artist = new Artist
        {
            Id = existing?.Id ?? id,
            Name = name,
            Bio = bio,
            Country = country,
            Genres = genres,
            ImageUrl = image,
            Profiles = profiles,
            ContactPoints = contacts,
            Websites = websites,
            SourceRecordIds = [.. existing?.SourceRecordIds ?? [], record.Id],
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            MergedFrom = existing?.MergedFrom ?? [],
            MergedInto = existing?.MergedInto,
            Version = existing?.Version ?? 0,
        };

        var snapshots = profile.Metrics
            .Select(m => new MetricSnapshot(artist.Id, m.Platform, m.ObservedAt, m.Followers, m.Plays, m.Popularity))
            .ToList();
        return new MergeResult(artist, snapshots, changed.Distinct(StringComparer.Ordinal).ToList());
    }
}

/// <summary>The merged artist, the snapshots to append and the fields that changed.</summary>
public sealed record MergeResult(Artist Artist, IReadOnlyList<MetricSnapshot> Snapshots, IReadOnlyList<string> ChangedFields);
