using System.Globalization;
using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Queries;

namespace MonaSpark.Api;

/// <summary><c>GET /api/leads?top=N</c>: leads by priority, each with score, predicted value and explanation.</summary>
public static class LeadsEndpoint
{
    public const int DefaultTop = 50;

    public static async Task<IResult> GetAsync(string? top, LeadQueries leads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var count = DefaultTop;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > LeadQueries.MaxPageSize))
        {
            return Problems.BadRequest("Invalid 'top'", $"'top' must be a whole number from 1 to {LeadQueries.MaxPageSize}.");
        }

        var page = await leads.TopAsync(count, cancellationToken);
        return Results.Ok(new LeadsResponse(page.Count, page));
    }
}

/// <summary>The body of <c>GET /api/leads</c>.</summary>
public sealed record LeadsResponse(int Count, IReadOnlyList<LeadView> Leads);
