using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using MonaSpark.Workflows.Scoring;

namespace MonaSpark.Functions.Orchestrations;

/// <summary>
/// Durable Functions shim over the <see cref="ScoreArtistsOrchestration"/> saga, under the same name
/// (<see cref="ScoreArtistsOrchestration.Name"/>) as in the local host's engine; Functions.Tests checks they match.
/// </summary>
public static class ScoreArtists
{
    [Function(nameof(ScoreArtists))]
    public static Task<ScoreArtistsResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ScoreArtistsOrchestration().RunAsync(context, context.GetInput<ScoreArtistsInput>()!);
}
