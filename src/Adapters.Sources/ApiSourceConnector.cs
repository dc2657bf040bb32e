using Microsoft.Extensions.Logging;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Sources;

/// <summary>
/// The page loop every API connector shares: take steps (one API call, or one batch of calls for a
/// single subject) from the cursor until the page is full or the seeds are exhausted. A spent local
/// budget (rate limit window, YouTube's daily quota) ends the page early with what it has and the
/// cursor where it stopped; any other failure throws, so the sync reports it and the stored cursor stays.
/// </summary>
public abstract partial class ApiSourceConnector : ISourceConnector
{
    private readonly IHttpClientFactory _factory;
    private readonly ILogger _logger;

    private protected ApiSourceConnector(IHttpClientFactory factory, ILogger logger)
    {
        _factory = factory;
        _logger = logger;
    }

    public abstract SourceKind Source { get; }

    /// <summary>The cursor key and the name of the connector's HTTP client: <c>spotify</c>, <c>youtube</c>, …</summary>
    public string Key => Source.ToString().ToLowerInvariant();

    private protected abstract string FirstStage { get; }

    public async Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        SeedCursor? position = SeedCursor.Parse(cursor, Key, FirstStage);
        var records = new List<RawRecord>();
        var http = _factory.CreateClient(Key);
        try
        {
            while (records.Count < maxRecords && position is { } current)
            {
                position = await StepAsync(http, current, maxRecords - records.Count, records, cancellationToken);
            }
        }
        catch (SourceBudgetExhaustedException ex)
        {
            LogBudgetSpent(_logger, Key, records.Count, position?.ToString(), ex.Message);
        }

        return new SourceBatch(records, position?.ToString());
    }

    /// <summary>
    /// Fetches from <paramref name="position"/> at most <paramref name="room"/> records into
    /// <paramref name="records"/> and says where the next step starts (null: seeds exhausted). It
    /// adds records only once all of a step's calls succeeded, so a step is retried whole.
    /// </summary>
    private protected abstract Task<SeedCursor?> StepAsync(HttpClient http, SeedCursor position, int room, List<RawRecord> records, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Connector}: call budget spent; page ends with {Count} records at {Cursor}: {Reason}")]
    private static partial void LogBudgetSpent(ILogger logger, string connector, int count, string? cursor, string reason);
}
