using Microsoft.DurableTask;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

namespace MonaSpark.Workflows.Scoring;

/// <summary>
/// Activity <c>ScoreArtist</c>: runs the scoring use case for one artist through the same
/// dispatcher as the work queues, so a saga step and a queued item execute identical code. The
/// use case is idempotent, so a retried or replayed step changes nothing twice.
/// </summary>
[DurableTask(Name)]
public sealed class ScoreArtistActivity(WorkItemDispatcher dispatcher) : TaskActivity<ScoreArtistRequest, string>
{
    public const string Name = "ScoreArtist";

    public override Task<string> RunAsync(TaskActivityContext context, ScoreArtistRequest input) => ScoreAsync(input);

    /// <summary>The step itself, for hosts that deliver the input without a <see cref="TaskActivityContext"/> (Durable Functions).</summary>
    /// <returns>The work item id, i.e. the idempotency key.</returns>
    public async Task<string> ScoreAsync(ScoreArtistRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = new WorkItem(request.IdempotencyKey, WorkKinds.ScoreArtist, request.ArtistId);
        await dispatcher.DispatchAsync(item, cancellationToken);
        return item.Id;
    }
}
