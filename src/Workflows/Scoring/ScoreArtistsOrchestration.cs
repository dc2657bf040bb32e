using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using MonaSpark.Application.Work;

namespace MonaSpark.Workflows.Scoring;

/// <summary>
/// Saga <c>ScoreArtists</c>: scores a batch of artists in waves of at most
/// <see cref="ScoreArtistsInput.MaxParallelism"/> activities, retrying each with exponential
/// backoff. An artist that fails every attempt is counted and the saga goes on: one bad profile
/// never blocks a batch. Deterministic: everything it decides comes from its input and history.
/// </summary>
[DurableTask(Name)]
public sealed partial class ScoreArtistsOrchestration : TaskOrchestrator<ScoreArtistsInput, ScoreArtistsResult>
{
    public const string Name = "ScoreArtists";

    public override async Task<ScoreArtistsResult> RunAsync(TaskOrchestrationContext context, ScoreArtistsInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.ArtistIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.MaxParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.MaxParallelism, ScoreArtistsInput.MaxParallelismLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.MaxAttempts, 1);

        var options = RetryOptions(input);
        var ids = input.ArtistIds.Distinct(StringComparer.Ordinal).ToList();
        var failed = new List<string>();
        foreach (var wave in ids.Chunk(input.MaxParallelism))
        {
            var outcomes = await Task.WhenAll(wave.Select(id => TryScoreAsync(context, id, options)));
            failed.AddRange(wave.Where((_, i) => !outcomes[i]));
        }

        var result = new ScoreArtistsResult(ids.Count - failed.Count, failed.Count, failed);
        LogCompleted(context.CreateReplaySafeLogger<ScoreArtistsOrchestration>(), context.InstanceId, result.Scored, result.Failed);
        return result;
    }

    private static TaskOptions RetryOptions(ScoreArtistsInput input)
    {
        var firstDelay = input.FirstRetryDelay ?? ScoreArtistsInput.DefaultFirstRetryDelay;
        var policy = new RetryPolicy(input.MaxAttempts, firstDelay > TimeSpan.Zero ? firstDelay : TimeSpan.FromMilliseconds(1), backoffCoefficient: 2)
        {
            // A permanent failure (unknown kind, not an artist id) fails the same way every time.
            HandleFailure = failure => !failure.IsCausedBy<PermanentWorkException>(),
        };
        return TaskOptions.FromRetryPolicy(policy);
    }

    private static async Task<bool> TryScoreAsync(TaskOrchestrationContext context, string artistId, TaskOptions options)
    {
        try
        {
            var request = new ScoreArtistRequest(artistId, ScoreArtistRequest.KeyFor(context.InstanceId, artistId));
            await context.CallActivityAsync<string>(ScoreArtistActivity.Name, request, options);
            return true;
        }
        catch (TaskFailedException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ScoreArtists {InstanceId} completed: {Scored} scored, {Failed} failed")]
    private static partial void LogCompleted(ILogger logger, string instanceId, int scored, int failed);
}
