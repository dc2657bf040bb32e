using System.Runtime.CompilerServices;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using NSubstitute;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>
/// An <see cref="EventHubProducerClient"/> substitute (the SDK keeps its members virtual for this)
/// whose batches come from <see cref="EventHubsModelFactory.EventDataBatch"/>: each holds at most
/// <c>maxBatchBytes</c> of event bodies, and what was added to it is captured with its partition key.
/// </summary>
internal sealed class FakeEventHub
{
    private readonly ConditionalWeakTable<EventDataBatch, SentBatch> _open = [];

    // CA2012 misreads NSubstitute's Returns on a ValueTask-returning member as a stored ValueTask.
#pragma warning disable CA2012
    public FakeEventHub(long maxBatchBytes = 1024 * 1024)
    {
        Producer.CreateBatchAsync(Arg.Any<CreateBatchOptions>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var options = call.Arg<CreateBatchOptions>();
            var events = new List<EventData>();
            var batch = EventHubsModelFactory.EventDataBatch(
                events.Sum(Size),
                events,
                new CreateBatchOptions { PartitionKey = options.PartitionKey, MaximumSizeInBytes = maxBatchBytes },
                e => events.Sum(Size) + Size(e) <= maxBatchBytes);
            _open.Add(batch, new SentBatch(options.PartitionKey, events));
            return new ValueTask<EventDataBatch>(batch);
        });
        Producer.SendAsync(Arg.Any<EventDataBatch>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _open.TryGetValue(call.Arg<EventDataBatch>(), out var sent);
            if (FailNextSends > 0 || FailWhen?.Invoke(sent!) == true)
            {
                FailNextSends = Math.Max(0, FailNextSends - 1);
                throw new EventHubsException(isTransient: true, "journal", "The service did not acknowledge the batch.", EventHubsException.FailureReason.ServiceTimeout);
            }

            Sent.Add(new SentBatch(sent!.PartitionKey, [.. sent.Events]));
            return Task.CompletedTask;
        });
    }
#pragma warning restore CA2012

    public EventHubProducerClient Producer { get; } = Substitute.For<EventHubProducerClient>();

    /// <summary>Batches the hub acknowledged, in order.</summary>
    public List<SentBatch> Sent { get; } = [];

    /// <summary>How many of the next sends fail (after the batch is built, as a lost acknowledgement would).</summary>
    public int FailNextSends { get; set; }

    /// <summary>Sends of the batches this matches fail.</summary>
    public Func<SentBatch, bool>? FailWhen { get; set; }

    public IEnumerable<EventData> SentEvents => Sent.SelectMany(b => b.Events);

    public static long Size(EventData e) => e.EventBody.ToMemory().Length;

    public sealed record SentBatch(string? PartitionKey, IReadOnlyList<EventData> Events)
    {
        public IReadOnlyList<long> Positions => Events.Select(e => (long)e.Properties[EventHubsJournalMessage.PositionProperty]).ToList();
    }
}
