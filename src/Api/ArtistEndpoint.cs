using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Api;

/// <summary><c>GET /api/artists/{id}</c>: the merged profile with per-field provenance and recent metrics.</summary>
public static class ArtistEndpoint
{
    public static async Task<IResult> GetAsync(string id, IArtistStore artists, ILeadStore leads, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artists);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(time);
        if (!ArtistId.TryParse(id, out var artistId))
        {
            return Problems.BadRequest("Invalid artist id", "An artist id is 1–64 ASCII letters, digits or dashes.");
        }

        var artist = await artists.GetAsync(artistId, cancellationToken);
        if (artist is null)
        {
            return Problems.NotFound("Artist not found", $"No artist has the id '{artistId}'.");
        }

        var snapshots = await artists.GetSnapshotsAsync(artistId, time.GetUtcNow().AddDays(-120), cancellationToken);
        var lead = await leads.GetAsync(artistId, cancellationToken);
        return Results.Ok(ArtistView.From(artist, snapshots, lead));
    }
}
