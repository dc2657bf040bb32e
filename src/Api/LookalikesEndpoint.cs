using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Api;

/// <summary>
/// <c>GET /api/lookalikes?top=N&amp;country=FR&amp;genre=jazz&amp;seed={artist id}</c>: the artists most like
/// the seeds (repeatable <c>seed</c>), or like the customers when no seed is given, most similar first.
/// <c>genre</c> may repeat (any of them matches).
/// </summary>
public static class LookalikesEndpoint
{
    /// <summary>Characters a genre may have: a genre is a label, not a text.</summary>
    private const int MaxGenreLength = 64;

    public static async Task<IResult> GetAsync(HttpRequest request, LookalikeQuery lookalikes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lookalikes);
        var query = request.Query;
        var top = LookalikeQuery.DefaultTop;
        if (Single(query["top"]) is { } topText && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > LookalikeQuery.MaxTop))
        {
            return Problems.BadRequest("Invalid 'top'", $"'top' must be a whole number from 1 to {LookalikeQuery.MaxTop}.");
        }

        var country = Single(query["country"]);
        if (query["country"].Count > 1 || (country is not null && !CountryCode.IsValid(country)))
        {
            return Problems.BadRequest("Invalid 'country'", "'country' is one ISO 3166-1 alpha-2 code, e.g. FR.");
        }

        var genres = query["genre"].Select(g => g?.Trim() ?? "").ToList();
        if (genres.Any(g => g.Length is 0 or > MaxGenreLength))
        {
            return Problems.BadRequest("Invalid 'genre'", $"Each 'genre' is 1 to {MaxGenreLength} characters.");
        }

        var seeds = new List<ArtistId>();
        foreach (var seed in query["seed"])
        {
            if (!ArtistId.TryParse(seed, out var id))
            {
                return Problems.BadRequest("Invalid 'seed'", "Each 'seed' is an artist id: 1–64 ASCII letters, digits or dashes.");
            }

            seeds.Add(id);
        }

        if (seeds.Distinct().Count() > LookalikeQuery.MaxSeeds)
        {
            return Problems.BadRequest("Too many seeds", $"At most {LookalikeQuery.MaxSeeds} 'seed' values.");
        }

        var result = await lookalikes.FindAsync(new LookalikeRequest(top, country?.ToUpperInvariant(), genres, seeds), cancellationToken);
        return Results.Ok(result);
    }

    /// <summary>The value of a parameter given once; the last one when repeated; null when absent or empty.</summary>
    private static string? Single(StringValues values) => values.Count == 0 || string.IsNullOrWhiteSpace(values[^1]) ? null : values[^1]!.Trim();
}
