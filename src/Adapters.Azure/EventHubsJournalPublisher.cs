using System.Globalization;
using Azure.Data.Tables;
using Azure.Messaging.EventHubs.Producer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Use case: fan the journal out to Event Hubs (ADR-004). The Table Storage journal stays the source
/// of truth (ADR-002); this follows it from a checkpoint (table <c>checkpoints</c>) and sends each
/// entry with partition key = its stream id (the artist id), so one artist's events stay in order on
/// one partition. Entries are batched per partition key up to the batch size limit; the checkpoint
/// moves after every acknowledged batch. Delivery is at least once: a run that fails or stops
/// between a send and its checkpoint re-sends that one batch next time, so consumers dedupe by the
/// <c>position</c> property (also the message id).
/// </summary>
public sealed partial class EventHubsJournalPublisher
{
    /// <summary>Journal entries read per page.</summary>
    public const int PageSize = 500;

    private readonly IJournal _journal;
    private readonly EventHubProducerClient _producer;
    private readonly JournalCheckpoints _checkpoints;
    private readonly string _checkpointName;
    private readonly ILogger<EventHubsJournalPublisher> _logger;

    public EventHubsJournalPublisher(
        IJournal journal,
        EventHubProducerClient producer,
        TableServiceClient tableService,
        IOptions<AzureStorageOptions> storage,
        IOptions<EventHubsOptions> options,
        TimeProvider time,
        ILogger<EventHubsJournalPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _journal = journal;
        _producer = producer;
        _checkpoints = new JournalCheckpoints(new StorageTables(tableService, storage), time);
        _checkpointName = options.Value.CheckpointName;
        _logger = logger;
    }

    /// <summary>Sends up to <paramref name="maxEvents"/> journal entries past the checkpoint.</summary>
    /// <returns>How many entries were sent (and acknowledged) by this call.</returns>
    /// <exception cref="InvalidOperationException">An entry is larger than one batch can hold; nothing past it is sent.</exception>
    public async Task<int> PublishPendingAsync(int maxEvents, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        var run = new Run(this, await _checkpoints.GetAsync(_checkpointName, cancellationToken));
        while (run.Sent < maxEvents)
        {
            var checkpoint = run.Checkpoint;
            var wanted = Math.Min(PageSize, maxEvents - run.Sent);
            var page = await _journal.ReadAsync(checkpoint.Position, wanted + checkpoint.DoneAbove.Count, cancellationToken);
            var pending = page.Where(e => !checkpoint.DoneAbove.Contains(e.Position)).Take(wanted).ToList();
            if (page.Count == 0)
            {
                break;
            }

            run.Page = page.Select(e => e.Position).ToList();
            if (pending.Count == 0)
            {
                // Only entries a failed run had already sent: step over them and read on.
                await run.AcknowledgeAsync([], cancellationToken);
                continue;
            }

            // GroupBy keeps each stream's entries in journal order, streams in order of first appearance.
            foreach (var stream in pending.GroupBy(e => e.Event.StreamId, StringComparer.Ordinal))
            {
                await SendStreamAsync(run, stream.Key, stream, cancellationToken);
            }

            if (page.Count < wanted + checkpoint.DoneAbove.Count)
            {
                break;
            }
        }

        if (run.Sent > 0)
        {
            LogPublished(_logger, run.Sent, run.Checkpoint.Position);
        }

        return run.Sent;
    }

    private async Task SendStreamAsync(Run run, string partitionKey, IEnumerable<JournalEntry> entries, CancellationToken cancellationToken)
    {
        EventDataBatch? batch = null;
        var positions = new List<long>();
        try
        {
            foreach (var entry in entries)
            {
                var data = EventHubsJournalMessage.Create(entry);
                batch ??= await _producer.CreateBatchAsync(new CreateBatchOptions { PartitionKey = partitionKey }, cancellationToken);
                if (!batch.TryAdd(data))
                {
                    if (batch.Count == 0)
                    {
                        throw TooLarge(entry, batch);
                    }

                    await SendAsync(run, batch, positions, cancellationToken);
                    batch.Dispose();
                    batch = await _producer.CreateBatchAsync(new CreateBatchOptions { PartitionKey = partitionKey }, cancellationToken);
                    positions.Clear();
                    if (!batch.TryAdd(data))
                    {
                        throw TooLarge(entry, batch);
                    }
                }

                positions.Add(entry.Position);
            }

            if (batch is { Count: > 0 })
            {
                await SendAsync(run, batch, positions, cancellationToken);
            }
        }
        finally
        {
            batch?.Dispose();
        }
    }

    private async Task SendAsync(Run run, EventDataBatch batch, List<long> positions, CancellationToken cancellationToken)
    {
        await _producer.SendAsync(batch, cancellationToken);
        await run.AcknowledgeAsync(positions, cancellationToken);
    }

    private static InvalidOperationException TooLarge(JournalEntry entry, EventDataBatch batch) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"Journal entry {entry.Position} ({entry.Event.EventType}) is larger than one Event Hubs batch holds ({batch.MaximumSizeInBytes} bytes): it cannot be published, and nothing after it on its stream is sent until it is dealt with."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} journal events to Event Hubs; checkpoint at {Position}")]
    private static partial void LogPublished(ILogger logger, int count, long position);

    /// <summary>One call's progress: the checkpoint as last saved and the entries sent so far.</summary>
    private sealed class Run(EventHubsJournalPublisher publisher, JournalCheckpoint checkpoint)
    {
        public JournalCheckpoint Checkpoint { get; private set; } = checkpoint;

        public IReadOnlyList<long> Page { get; set; } = [];

        public int Sent { get; private set; }

        public async Task AcknowledgeAsync(IReadOnlyCollection<long> positions, CancellationToken cancellationToken)
        {
            var next = Checkpoint.With(positions, Page);
            if (next.Position != Checkpoint.Position || !next.DoneAbove.SetEquals(Checkpoint.DoneAbove))
            {
                Checkpoint = await publisher._checkpoints.SaveAsync(publisher._checkpointName, Checkpoint, next, cancellationToken);
            }

            Sent += positions.Count;
        }
    }
}
