using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Resolution;

/// <summary>Following a merged-away artist to the artist that absorbed it.</summary>
public static class Survivors
{
    /// <summary>Merges are flattened, so chains are short; the bound only guards against a corrupt cycle.</summary>
    public const int MaxHops = 8;

    /// <summary><paramref name="artist"/> itself, or the survivor its <see cref="Artist.MergedInto"/> chain leads to.</summary>
    public static async Task<Artist?> FollowAsync(this IArtistStore artists, Artist? artist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artists);
        for (var hop = 0; hop < MaxHops && artist?.MergedInto is { } next; hop++)
        {
            artist = await artists.GetAsync(next, cancellationToken);
        }

        return artist;
    }

    /// <summary>The artist <paramref name="id"/>, or its survivor when it was merged away.</summary>
    public static async Task<Artist?> GetSurvivorAsync(this IArtistStore artists, ArtistId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artists);
        return await artists.FollowAsync(await artists.GetAsync(id, cancellationToken), cancellationToken);
    }

    /// <summary>Snapshots of the artist and of every artist merged into it, oldest first.</summary>
    public static async Task<IReadOnlyList<MetricSnapshot>> GetAllSnapshotsAsync(this IArtistStore artists, Artist artist, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artists);
        ArgumentNullException.ThrowIfNull(artist);
        var own = await artists.GetSnapshotsAsync(artist.Id, since, cancellationToken);
        if (artist.MergedFrom.Count == 0)
        {
            return own;
        }

        var all = own.ToList();
        foreach (var merged in artist.MergedFrom)
        {
            all.AddRange(await artists.GetSnapshotsAsync(merged, since, cancellationToken));
        }

        return all.OrderBy(s => s.ObservedAt).ThenBy(s => s.Platform).ToList();
    }
}
