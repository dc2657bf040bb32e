using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Links;

namespace MonaSpark.Application.Landing;

/// <summary>What a landing link leads to, for every page behind it: the artist, or why not (unknown, expired, gone).</summary>
internal static class LandingLinks
{
    public static async Task<(LandingStatus Status, Artist? Artist)> ArtistOfAsync(LinkTokens links, IArtistStore artists, string? token, CancellationToken cancellationToken)
    {
        var reading = links.Read(token);
        if (reading.Status != LinkTokenStatus.Valid)
        {
            return (reading.Status == LinkTokenStatus.Expired ? LandingStatus.Expired : LandingStatus.NotFound, null);
        }

        var artist = await artists.GetSurvivorAsync(reading.ArtistId, cancellationToken);
        return artist is null ? (LandingStatus.NotFound, null) : (LandingStatus.Ready, artist);
    }
}
