using MonaSpark.Application.Projections;

namespace MonaSpark.LocalHost.Hosting;

/// <summary>
/// Keeps the read models up to date in the local host: every <see cref="Interval"/> the projections
/// catch up with the journal from their checkpoints (on Azure the <c>ProjectJournal</c> timer does this).
/// </summary>
internal sealed partial class ProjectionPump(ProjectionRunner runner, TimeProvider time, ILogger<ProjectionPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.CatchUpAllAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(Interval * 10, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The projections could not catch up with the journal; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
