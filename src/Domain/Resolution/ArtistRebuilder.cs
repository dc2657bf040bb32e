using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Domain.Resolution;

/// <summary>
/// Rebuilds an artist's profile from raw records alone: each stored record is validated again and
/// folded with <see cref="ProfileMerger"/> in the order it was fetched, exactly as ingestion did.
/// Used to undo a merge, where the survivor must lose what only the merged artist's records said.
/// </summary>
public static class ArtistRebuilder
{
    /// <param name="current">The stored artist: its id, creation time, version and merge links are kept.</param>
    /// <param name="records">The records to build from, in any order.</param>
    /// <returns>Null for the artist when no record is valid any more.</returns>
    public static RebuildResult Rebuild(Artist current, IEnumerable<SourceRecord> records, SourceValidators validators, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(validators);
        Artist? artist = null;
        var snapshots = new List<MetricSnapshot>();
        var skipped = new List<string>();

        // Id as tie-break: two records fetched at the same instant still fold in one fixed order.
        foreach (var record in records.OrderBy(r => r.FetchedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var validation = validators.Validate(record, now);
            if (!validation.IsValid)
            {
                skipped.Add(record.Id);
                continue;
            }

            var merge = ProfileMerger.Merge(artist, current.Id, validation.Value!, record, now);
            artist = merge.Artist;
            snapshots.AddRange(merge.Snapshots);
        }

        var rebuilt = artist is null ? null : artist with
        {
            CreatedAt = current.CreatedAt,
            UpdatedAt = now,
            Version = current.Version,
            MergedFrom = current.MergedFrom,
            MergedInto = current.MergedInto,

            // What the artist gave us themselves (a push subscription) is in no source record: it stays.
            ContactPoints = [.. artist.ContactPoints, .. current.ContactPoints.Where(c => c.Provenance.Source == SourceKind.Artist && !artist.ContactPoints.Contains(c))],
        };
        return new RebuildResult(rebuilt, snapshots, skipped);
    }
}
