using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Queries;

namespace MonaSpark.Api;

/// <summary><c>GET /api/kpis</c>: the pipeline figures.</summary>
public static class KpisEndpoint
{
    public static async Task<IResult> GetAsync(KpiQuery kpis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return Results.Ok(await kpis.GetAsync(cancellationToken));
    }
}
