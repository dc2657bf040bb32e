using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Api;

/// <summary>
/// <c>GET /api/artists/{id}</c>: the merged profile with per-field provenance, recent metrics (its
/// own and those of artists merged into it), growth over 7, 28 and 90 days, and the current landing
/// link (the one their latest message carries, while it is valid).
/// </summary>
/// <remarks>
/// An id that was merged into another artist answers 200 with the survivor's profile and
/// <c>mergedInto</c> set to the survivor's id, not a redirect: a merge can be undone, and a 301 would
/// be cached by clients for good. A redirect would also cost a second rate-limited request.
/// </remarks>
public static class ArtistEndpoint
{
    /// <summary>Metrics shown: the longest growth window (90 days) with margin.</summary>
    public static readonly TimeSpan MetricsWindow = TimeSpan.FromDays(120);

    public static async Task<IResult> GetAsync(string id, IArtistStore artists, ILeadStore leads, LandingPages landing, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(artists);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(time);
        if (!ArtistId.TryParse(id, out var artistId))
        {
            return Problems.BadRequest("Invalid artist id", "An artist id is 1–64 ASCII letters, digits or dashes.");
        }

        var requested = await artists.GetAsync(artistId, cancellationToken);
        var artist = await artists.FollowAsync(requested, cancellationToken);
        if (artist is null)
        {
            return Problems.NotFound("Artist not found", $"No artist has the id '{artistId}'.");
        }

        var now = time.GetUtcNow();
        var snapshots = await artists.GetAllSnapshotsAsync(artist, now - MetricsWindow, cancellationToken);
        var lead = await leads.GetAsync(artist.Id, cancellationToken);
        var mergedInto = requested!.Id == artist.Id ? null : artist.Id.Value;
        var link = await landing.CurrentLinkAsync(artist.Id, cancellationToken);
        return Results.Ok(ArtistView.From(artist, snapshots, lead, now) with { MergedInto = mergedInto, LandingUrl = link?.AbsoluteUri });
    }
}
