using System.Globalization;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Sends go through the work queue: a journey dispatches a message (a work item), the queue's consumer
/// (the local host's pump, the Functions queue trigger on Azure) sends it through
/// <see cref="SendOutreachMessage"/>, and the outcome comes back to the journey from the journal. So
/// sends scale with the queue's consumers, wait for their provider outside the journey, and survive
/// a crash in the queue.
/// </summary>
public sealed class OutreachSends(IWorkQueue queue)
{
    private const char Separator = '#';

    /// <summary>Queues the journey's <paramref name="dispatch"/>-th attempt at <paramref name="messageId"/>; the same attempt twice is queued once while it waits.</summary>
    public async Task<string> DispatchAsync(string messageId, int dispatch, CancellationToken cancellationToken = default)
    {
        var item = Item(messageId, dispatch);
        await queue.EnqueueAsync(item, cancellationToken);
        return item.Id;
    }

    /// <summary>The work item of one attempt at a message.</summary>
    public static WorkItem Item(string messageId, int dispatch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentOutOfRangeException.ThrowIfNegative(dispatch);
        if (messageId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A message id may not contain '{Separator}'.", nameof(messageId));
        }

        var subject = string.Create(CultureInfo.InvariantCulture, $"{messageId}{Separator}{dispatch}");
        return new WorkItem($"send:{subject}", WorkKinds.SendMessage, subject);
    }

    /// <summary>Splits a subject made by <see cref="Item"/>.</summary>
    /// <exception cref="PermanentWorkException">The subject is not one: no retry can fix it.</exception>
    public static (string MessageId, int Dispatch) Parse(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var at = item.SubjectId.LastIndexOf(Separator);
        return at > 0 && int.TryParse(item.SubjectId.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var dispatch)
            ? (item.SubjectId[..at], dispatch)
            : throw new PermanentWorkException($"'{item.SubjectId}' is not a message to send.");
    }
}

/// <summary>
/// Runs queued sends. Sends wait on providers (the network, the rate limit), so they run outside any
/// unit of work and several at once: the local runner hands over a batch, sent
/// <see cref="MaxConcurrentSends"/> at a time.
/// </summary>
public sealed class SendMessageHandler(SendOutreachMessage sender) : IBatchWorkItemHandler
{
    /// <summary>Sends in flight at once within one batch.</summary>
    public const int MaxConcurrentSends = 16;

    public string Kind => WorkKinds.SendMessage;

    public bool RunsOutsideUnitOfWork => true;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var (messageId, dispatch) = OutreachSends.Parse(item);
        await sender.SendAsync(messageId, dispatch, cancellationToken);
    }

    /// <summary>The queue gave up on the send (its provider kept failing): the message fails, so its journey moves on.</summary>
    public Task OnDeadLetteredAsync(WorkItem item, string reason, CancellationToken cancellationToken) =>
        sender.GiveUpAsync(OutreachSends.Parse(item).MessageId, cancellationToken);

    public async Task<IReadOnlyList<Exception?>> HandleBatchAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new Exception?[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSends, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    await HandleAsync(items[i], token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    results[i] = ex;
                }
            });
        return results;
    }
}
