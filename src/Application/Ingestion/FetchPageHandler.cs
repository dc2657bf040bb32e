using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// Handles <see cref="WorkKinds.FetchPage"/>: fetches one deferred reference (a web page) from its
/// connector with no unit of work open, then lands the record in a short one of its own, which
/// queues its processing like any other record. A refusal (robots.txt, the SSRF guard, 4xx) is
/// permanent: the item is dead-lettered with the reason. Any other failure is retried by the queue.
/// Idempotent: the same page fetched twice lands the same record once.
/// </summary>
public sealed class FetchPageHandler(IEnumerable<ISourceConnector> connectors, RecordIngestion ingestion, IUnitOfWork unitOfWork) : IWorkItemHandler
{
    public string Kind => WorkKinds.FetchPage;

    public bool RunsOutsideUnitOfWork => true;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!PageWork.TryParse(item.SubjectId, out var key, out var reference))
        {
            throw new PermanentWorkException($"'{item.SubjectId}' is not a page reference (connector-key:reference).");
        }

        var connector = connectors.OfType<IDeferredSourceConnector>().FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal))
            ?? throw new PermanentWorkException($"No connector '{key}' fetches deferred references here.");

        RawRecord raw;
        try
        {
            raw = await connector.FetchOneAsync(reference, cancellationToken);
        }
        catch (SourceRefusedException refused)
        {
            throw new PermanentWorkException($"Refused: {refused.Message}", refused);
        }

        await using var scope = await unitOfWork.BeginAsync(cancellationToken);
        await ingestion.IngestAsync(connector.Source, raw, cancellationToken);
        await scope.CommitAsync(cancellationToken);
    }
}
