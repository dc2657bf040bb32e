using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Ports;

namespace MonaSpark.Api;

/// <summary><c>GET /healthz</c>: 200 when the stores answer, 503 with a problem body when they do not.</summary>
public static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(IJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        try
        {
            var head = await journal.GetHeadAsync(cancellationToken);
            return Results.Ok(new HealthResponse("healthy", head));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Problems.Unavailable($"The journal did not answer ({ex.GetType().Name}).");
        }
    }
}

public sealed record HealthResponse(string Status, long JournalPosition);
