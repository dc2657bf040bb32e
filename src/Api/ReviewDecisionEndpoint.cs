using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Resolution;

namespace MonaSpark.Api;

/// <summary>
/// <c>POST /api/reviews/{id}</c> with <c>{ "decision": "accept" | "reject" }</c>: a person decides an
/// uncertain match. Accepting merges the pair (undo with the <c>unmerge</c> verb); rejecting keeps
/// them apart for good. Callers are authenticated by the host (function key; local API key).
/// </summary>
public static class ReviewDecisionEndpoint
{
    private const int MaxBodyBytes = 1024;

    private const string Shape = """The body is JSON: { "decision": "accept" | "reject" }.""";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static async Task<IResult> PostAsync(string id, HttpRequest request, MatchReviewDecisions decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decisions);
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Problems.BadRequest("Invalid review id", "A review id is ASCII letters, digits and dashes (see GET /api/reviews).");
        }

        var body = await ReadAsync(request, cancellationToken);
        if (body?.Decision is not ("accept" or "reject"))
        {
            return Problems.BadRequest("Invalid body", Shape);
        }

        var decided = await decisions.DecideAsync(id, body.Decision == "accept", cancellationToken);
        return decided is null
            ? Problems.NotFound("Review not found", $"No review has the id '{id}'.")
            : Results.Ok(ReviewView.Of(decided));
    }

    private static async Task<ReviewDecision?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[MaxBodyBytes + 1];
            var read = 0;
            int n;
            while ((n = await request.Body.ReadAsync(buffer.AsMemory(read, buffer.Length - read), cancellationToken)) > 0)
            {
                read += n;
                if (read > MaxBodyBytes)
                {
                    return null;
                }
            }

            return read == 0 ? null : JsonSerializer.Deserialize<ReviewDecision>(buffer.AsSpan(0, read), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The body of <c>POST /api/reviews/{id}</c>.</summary>
public sealed record ReviewDecision(string? Decision);
