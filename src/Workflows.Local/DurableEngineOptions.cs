using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Workflows.Local;

/// <summary>The local durable task engine. Section <c>MonaSpark:DurableEngine</c>.</summary>
public sealed class DurableEngineOptions
{
    public const string SectionName = "MonaSpark:DurableEngine";

    /// <summary>Orchestration work items the engine runs at once (default 1,000; replays are CPU-light).</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentOrchestrations { get; set; } = 1_000;

    /// <summary>
    /// Activities the engine admits at once (default 5,000: they mostly wait on I/O). A fan-out wider than this
    /// fills the backend, which then sleeps 500 ms before looking again: 1,000 here made a 1,000-activity
    /// fan-out take 0.5 s instead of 0.06 s.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentActivities { get; set; } = 5_000;

    /// <summary>Activities the worker runs at once (default 200); the engine's limit caps it too.</summary>
    [Range(1, 100_000)]
    public int WorkerActivities { get; set; } = 200;

    /// <summary>Orchestration replays the worker runs at once (default 200).</summary>
    [Range(1, 100_000)]
    public int WorkerOrchestrations { get; set; } = 200;

    /// <summary>
    /// The Unix socket the engine listens on, private to this machine's user; null picks a fresh one
    /// under the temporary directory. Never a TCP port: the engine's API must not be reachable from the network.
    /// </summary>
    public string? SocketPath { get; set; }
}
