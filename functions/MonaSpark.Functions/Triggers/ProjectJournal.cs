using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Projections;

namespace MonaSpark.Functions.Triggers;

/// <summary>Brings the read models (funnel, contact history) up to the journal's head from their checkpoints, every 30 seconds.</summary>
public sealed class ProjectJournal(ProjectionRunner runner)
{
    public const string Schedule = "*/30 * * * * *";

    [Function(nameof(ProjectJournal))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.CatchUpAllAsync(cancellationToken);
}
