using Microsoft.DurableTask;
using MonaSpark.Workflows.Scoring;

namespace MonaSpark.Workflows;

/// <summary>
/// Registers every saga and activity with a durable task worker (the local host's in-process
/// engine). The Functions app registers the same names through its <c>[Function]</c> shims.
/// </summary>
public static class DurableTaskRegistryExtensions
{
    public static DurableTaskRegistry AddMonaSparkWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ScoreArtistsOrchestration>();
        registry.AddActivity<ScoreArtistActivity>();
        return registry;
    }
}
