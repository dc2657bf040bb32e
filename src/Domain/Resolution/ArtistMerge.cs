using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Resolution;

/// <summary>
/// Folds one stored artist into another: the survivor gets the union of both profiles, contact
/// points and source records, each field chosen by <see cref="Sourced{T}.Prefer"/>; the merged
/// artist becomes a tombstone pointing at the survivor and keeps everything of its own, so the
/// merge can be undone (<see cref="ArtistRebuilder"/>).
/// </summary>
public static class ArtistMerge
{
    public static ArtistMergeResult Combine(Artist survivor, Artist merged, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(merged);
        if (survivor.Id == merged.Id)
        {
            throw new ArgumentException("An artist cannot be merged into itself.", nameof(merged));
        }

        var profiles = survivor.Profiles.ToList();
        profiles.AddRange(merged.Profiles.Where(p => !profiles.Any(x => x.Platform == p.Platform && x.ExternalId == p.ExternalId)));
        var contacts = survivor.ContactPoints.ToList();
        contacts.AddRange(merged.ContactPoints.Where(c => !contacts.Any(x => x.Channel == c.Channel && string.Equals(x.Address, c.Address, StringComparison.OrdinalIgnoreCase))));

        var combined = survivor with
        {
            Name = survivor.Name.Prefer(merged.Name),
            Bio = Pick(survivor.Bio, merged.Bio),
            Country = Pick(survivor.Country, merged.Country),
            Genres = Pick(survivor.Genres, merged.Genres),
            ImageUrl = Pick(survivor.ImageUrl, merged.ImageUrl),
            Profiles = profiles,
            ContactPoints = contacts,
            SourceRecordIds = survivor.SourceRecordIds.Union(merged.SourceRecordIds, StringComparer.Ordinal).ToList(),

            // Flattened, so reading every snapshot the survivor stands for needs no chain walking.
            MergedFrom = survivor.MergedFrom.Append(merged.Id).Concat(merged.MergedFrom).Distinct().ToList(),
            CreatedAt = survivor.CreatedAt <= merged.CreatedAt ? survivor.CreatedAt : merged.CreatedAt,
            UpdatedAt = now,
        };
        return new ArtistMergeResult(combined, merged with { MergedInto = survivor.Id, UpdatedAt = now });
    }

    private static Sourced<T>? Pick<T>(Sourced<T>? mine, Sourced<T>? theirs) => mine is null ? theirs : mine.Prefer(theirs);
}
