using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;

namespace MonaSpark.Api;

/// <summary>
/// <c>POST /api/ingest</c>: runs a source sync now and answers 202 with its <see cref="SyncReport"/>
/// (the records are landed; their processing is queued). Body <see cref="IngestRequest"/>, all fields
/// optional; an empty body syncs every source. Callers are authenticated by the host (the Functions
/// host's function key; the local host's API key), not here.
/// </summary>
public static class IngestEndpoint
{
    /// <summary>The largest <c>maxPages</c> one request may ask for.</summary>
    public const int MaxPages = 1000;

    /// <summary>A request body is a few dozen bytes; anything past this is not one.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    private const string Shape = """The body is JSON: { "source": string | null, "force": bool, "maxPages": 1-1000 | null }.""";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("maxpage") is an error, not a silently ignored default.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<IResult> PostAsync(HttpRequest request, SourceSync sync, IEnumerable<ISourceConnector> connectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(connectors);
        var body = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest("Invalid body", Shape);
        }

        var known = connectors.Select(c => c.Key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (body.Source is { } source && !known.Contains(source, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.BadRequest("Unknown 'source'", known.Count == 0
                ? "No source connector is registered on this host."
                : $"'source' must be one of: {string.Join(", ", known)} (or null for all).");
        }

        if (body.MaxPages is < 1 or > MaxPages)
        {
            return Problems.BadRequest("Invalid 'maxPages'", $"'maxPages' must be a whole number from 1 to {MaxPages}, or null for the configured default.");
        }

        var report = await sync.RunAsync(body.MaxPages, body.Force, body.Source, cancellationToken: cancellationToken);
        return Results.Accepted(uri: null, report);
    }

    /// <summary>The request, or null when the body is not one (malformed JSON, wrong types, unknown fields, too large).</summary>
    private static async Task<IngestRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return new IngestRequest();
        }

        try
        {
            return JsonSerializer.Deserialize<IngestRequest>(buffer.ToArray(), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The body of <c>POST /api/ingest</c>.</summary>
/// <param name="Source">A connector key (e.g. <c>spotify</c>), or null for every source.</param>
/// <param name="Force">Fetch even a source whose last full pass is still fresh.</param>
/// <param name="MaxPages">Pages per source, 1 to <see cref="IngestEndpoint.MaxPages"/>; null for MonaSpark:Ingestion:MaxPagesPerRun.</param>
public sealed record IngestRequest(string? Source = null, bool Force = false, int? MaxPages = null);
