using Microsoft.Extensions.Logging.Abstractions;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace MonaSpark.Application.Tests;

public class WorkRunnerTests
{
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly IWorkItemHandler _handler = Substitute.For<IWorkItemHandler>();
    private readonly WorkQueueOptions _options = new() { RetryBaseDelay = TimeSpan.FromSeconds(2), MaxAttempts = 5 };
    private readonly WorkItem _item = new("score:a:1", WorkKinds.ScoreArtist, "a");

    public WorkRunnerTests() => _handler.Kind.Returns(WorkKinds.ScoreArtist);

    private WorkItemDispatcher Dispatcher() => new([_handler], new MonaSparkTelemetry(new TestMeterFactory()));

    private QueuedWorkRunner Runner() => new(_queue, Dispatcher(), new PerCallUnitOfWork(), Microsoft.Extensions.Options.Options.Create(_options), NullLogger<QueuedWorkRunner>.Instance);

    private WorkLease Lease(int attempt) => new(_item, "token", attempt, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task RunOnceAsync_Empty_ReturnsFalse() => (await Runner().RunOnceAsync()).ShouldBeFalse();

    [Fact]
    public async Task RunOnceAsync_Success_Completes()
    {
        var lease = Lease(1);
        _queue.LeaseAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(lease);

        (await Runner().RunOnceAsync()).ShouldBeTrue();

        await _handler.Received(1).HandleAsync(_item, Arg.Any<CancellationToken>());
        await _queue.Received(1).CompleteAsync(lease, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    public async Task RunOnceAsync_Failure_AbandonsWithExponentialDelay(int attempt, int seconds)
    {
        var lease = Lease(attempt);
        _queue.LeaseAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(lease);
        _handler.HandleAsync(_item, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("slow store"));

        await Runner().RunOnceAsync();

        await _queue.Received(1).AbandonAsync(lease, "TimeoutException: slow store", TimeSpan.FromSeconds(seconds), Arg.Any<CancellationToken>());
        await _queue.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    public async Task RunOnceAsync_FailureOnTheLastAttempt_TellsTheHandlerItWasGivenUpOn(int attempt, int notified)
    {
        var lease = Lease(attempt);
        _queue.LeaseAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(lease);
        _handler.HandleAsync(_item, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("slow store"));

        await Runner().RunOnceAsync();

        await _handler.Received(notified).OnDeadLetteredAsync(_item, "TimeoutException: slow store", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TriggeredHandler_FailureOnTheLastAttempt_TellsTheHandlerItWasGivenUpOn()
    {
        var sut = new TriggeredWorkHandler(_queue, Dispatcher(), Microsoft.Extensions.Options.Options.Create(_options), NullLogger<TriggeredWorkHandler>.Instance);
        _handler.HandleAsync(_item, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("slow store"));

        await sut.HandleAsync(_item, 5);

        await _handler.Received(1).OnDeadLetteredAsync(_item, "TimeoutException: slow store", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunOnceAsync_PermanentFailure_DeadLettersAtOnce()
    {
        var lease = Lease(1) with { Item = _item with { Kind = "unknown" } };
        _queue.LeaseAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(lease);

        await Runner().RunOnceAsync();

        await _queue.Received(1).DeadLetterAsync(lease, Arg.Is<string>(r => r.Contains("No handler for work kind 'unknown'")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TriggeredHandler_Success_ReleasesTheId()
    {
        var sut = new TriggeredWorkHandler(_queue, Dispatcher(), Microsoft.Extensions.Options.Options.Create(_options), NullLogger<TriggeredWorkHandler>.Instance);

        await sut.HandleAsync(_item, 1);

        await _queue.Received(1).AcknowledgeAsync(_item, 1, null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TriggeredHandler_FailureBeforeLastAttempt_RethrowsForTheRuntimeToRetry()
    {
        _handler.HandleAsync(_item, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("slow"));
        var sut = new TriggeredWorkHandler(_queue, Dispatcher(), Microsoft.Extensions.Options.Options.Create(_options), NullLogger<TriggeredWorkHandler>.Instance);

        await Should.ThrowAsync<TimeoutException>(() => sut.HandleAsync(_item, 4));

        await _queue.DidNotReceiveWithAnyArgs().AcknowledgeAsync(default!, default, default, default);
    }

    [Fact]
    public async Task TriggeredHandler_FailureOnLastAttempt_RecordsADeadLetter()
    {
        _handler.HandleAsync(_item, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("slow"));
        var sut = new TriggeredWorkHandler(_queue, Dispatcher(), Microsoft.Extensions.Options.Options.Create(_options), NullLogger<TriggeredWorkHandler>.Instance);

        await sut.HandleAsync(_item, 5);

        await _queue.Received(1).AcknowledgeAsync(_item, 5, "TimeoutException: slow", Arg.Any<CancellationToken>());
    }
}
