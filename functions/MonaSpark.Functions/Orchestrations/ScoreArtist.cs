using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Work;
using MonaSpark.Workflows.Scoring;

namespace MonaSpark.Functions.Orchestrations;

/// <summary>
/// Durable Functions shim over the <see cref="ScoreArtistActivity"/>, under the same name
/// (<see cref="ScoreArtistActivity.Name"/>) as in the local host's engine; Functions.Tests checks they match.
/// </summary>
public sealed class ScoreArtist(WorkItemDispatcher dispatcher)
{
    [Function(nameof(ScoreArtist))]
    public Task<string> RunAsync([ActivityTrigger] ScoreArtistRequest request, CancellationToken cancellationToken) =>
        new ScoreArtistActivity(dispatcher).ScoreAsync(request, cancellationToken);
}
