using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Workflows.Scoring;
using Shouldly;
using Xunit;

namespace MonaSpark.Workflows.Tests;

/// <summary>
/// The saga in the in-process engine, with the real activity and dispatcher over a scripted handler.
/// </summary>
public sealed class ScoreArtistsOrchestrationTests
{
    private static readonly TimeSpan FastRetry = TimeSpan.FromMilliseconds(20);

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_AllArtists_ScoresEachOnceWithItsIdempotencyKey()
    {
        var handler = new ScriptedScoreHandler();
        string[] ids = ["art-1", "art-2", "art-3", "art-4", "art-5"];

        var (instanceId, result) = await RunAsync(handler, new ScoreArtistsInput(ids, MaxParallelism: 2));

        result.ShouldBe(new ScoreArtistsResult(5, 0, []), new ResultComparer());
        handler.Attempts.Count.ShouldBe(5);
        handler.Successes.Select(i => i.SubjectId).Order(StringComparer.Ordinal).ShouldBe(ids);
        handler.Successes.ShouldAllBe(i => i.Kind == WorkKinds.ScoreArtist);
        handler.Successes.Select(i => i.Id).Order(StringComparer.Ordinal)
            .ShouldBe(ids.Select(id => $"{instanceId}:score:{id}"));
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_HandlerAlwaysFailsForOneArtist_CountsItFailedAfterEveryAttemptAndScoresTheOthers()
    {
        var handler = new ScriptedScoreHandler().FailAlways("art-2");

        var (_, result) = await RunAsync(handler, new ScoreArtistsInput(["art-1", "art-2", "art-3"], MaxParallelism: 3, MaxAttempts: 3, FastRetry));

        result.Scored.ShouldBe(2);
        result.Failed.ShouldBe(1);
        result.FailedArtistIds.ShouldBe(["art-2"]);
        handler.Attempts.Count(i => i.SubjectId == "art-2").ShouldBe(3);
        handler.Successes.Select(i => i.SubjectId).Order(StringComparer.Ordinal).ShouldBe(["art-1", "art-3"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_TransientFailures_RetriesAndHandlesEachArtistExactlyOnceSuccessfully()
    {
        // Every artist fails its first attempt: each retry adds history, so the orchestrator replays
        // several times; a replay must not call any activity again.
        string[] ids = ["art-1", "art-2", "art-3", "art-4"];
        var handler = new ScriptedScoreHandler();
        foreach (var id in ids)
        {
            handler.FailFirst(id, 1);
        }

        var (instanceId, result) = await RunAsync(handler, new ScoreArtistsInput(ids, MaxParallelism: 2, MaxAttempts: 3, FastRetry));

        result.ShouldBe(new ScoreArtistsResult(4, 0, []), new ResultComparer());
        handler.Attempts.Count.ShouldBe(8);
        foreach (var id in ids)
        {
            handler.Attempts.Count(i => i.SubjectId == id).ShouldBe(2, $"attempts for {id}");
            handler.Successes.Count(i => i.SubjectId == id).ShouldBe(1, $"successes for {id}");
        }

        // A retry carries the same key as the first attempt.
        handler.Attempts.Select(i => i.Id).Distinct().Count().ShouldBe(4);
        handler.Attempts.ShouldAllBe(i => i.Id == $"{instanceId}:score:{i.SubjectId}");
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_PermanentFailure_IsNotRetried()
    {
        var handler = new ScriptedScoreHandler().FailPermanently("art-9");

        var (_, result) = await RunAsync(handler, new ScoreArtistsInput(["art-1", "art-9"], MaxParallelism: 2, MaxAttempts: 3, FastRetry));

        result.Scored.ShouldBe(1);
        result.FailedArtistIds.ShouldBe(["art-9"]);
        handler.Attempts.Count(i => i.SubjectId == "art-9").ShouldBe(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_MaxParallelismOne_RunsOneActivityAtATime()
    {
        var handler = new ScriptedScoreHandler();

        var (_, result) = await RunAsync(handler, new ScoreArtistsInput(["art-1", "art-2", "art-3"], MaxParallelism: 1));

        result.Scored.ShouldBe(3);
        handler.MaxInFlight.ShouldBe(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_DuplicateIds_ScoresEachArtistOnce()
    {
        var handler = new ScriptedScoreHandler();

        var (_, result) = await RunAsync(handler, new ScoreArtistsInput(["art-1", "art-1", "art-2"], MaxParallelism: 3));

        result.Scored.ShouldBe(2);
        handler.Attempts.Count.ShouldBe(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_ParallelismOutOfRange_FailsTheOrchestration()
    {
        await using var host = await StartHostAsync(new ScriptedScoreHandler());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));

        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            ScoreArtistsOrchestration.Name, new ScoreArtistsInput(["art-1"], MaxParallelism: 0), timeout.Token);
        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        metadata.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        metadata.FailureDetails.ShouldNotBeNull().ErrorType.ShouldBe(typeof(ArgumentOutOfRangeException).FullName);
    }

    private static async Task<(string InstanceId, ScoreArtistsResult Result)> RunAsync(ScriptedScoreHandler handler, ScoreArtistsInput input)
    {
        await using var host = await StartHostAsync(handler);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));

        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(ScoreArtistsOrchestration.Name, input, timeout.Token);
        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        metadata.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed, metadata.FailureDetails?.ToString());
        return (instanceId, metadata.ReadOutputAs<ScoreArtistsResult>().ShouldNotBeNull());
    }

    private static Task<EngineHost> StartHostAsync(ScriptedScoreHandler handler) =>
        EngineHost.StartAsync(services =>
        {
            services.AddSingleton<MonaSparkTelemetry>();
            services.AddSingleton<IWorkItemHandler>(handler);
            services.AddTransient<WorkItemDispatcher>();
        });

    /// <summary>Records compare lists by reference; results compare by content.</summary>
    private sealed class ResultComparer : IEqualityComparer<ScoreArtistsResult>
    {
        public bool Equals(ScoreArtistsResult? x, ScoreArtistsResult? y) =>
            x is not null && y is not null && x.Scored == y.Scored && x.Failed == y.Failed && x.FailedArtistIds.SequenceEqual(y.FailedArtistIds);

        public int GetHashCode(ScoreArtistsResult obj) => HashCode.Combine(obj.Scored, obj.Failed);
    }
}
