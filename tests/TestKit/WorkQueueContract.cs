using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>
/// The behaviour every <see cref="IWorkQueue"/> adapter must show. Time moves through
/// <see cref="AdvanceAsync"/>: adapters on a fake clock advance it, adapters whose service keeps
/// its own clock (Azure Storage queues) also wait for real.
/// </summary>
public abstract class WorkQueueContract : IAsyncLifetime
{
    /// <summary>Lease length used by the suite: whole seconds, as Azure Storage queues count them.</summary>
    protected static readonly TimeSpan Visibility = TimeSpan.FromSeconds(1);

    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    protected WorkQueueOptions Options { get; } = new() { MaxAttempts = 3 };

    private IWorkQueue? _sut;

    protected IWorkQueue Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IWorkQueue> CreateAsync(TimeProvider time, WorkQueueOptions options);

    /// <summary>Lets <paramref name="by"/> pass for the queue.</summary>
    protected virtual Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return Task.CompletedTask;
    }

    public async Task InitializeAsync() => _sut = await CreateAsync(Time, Options);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static WorkItem Item(string id) => new(id, WorkKinds.ScoreArtist, $"subject-{id}");

    [Fact]
    public async Task LeaseAsync_Empty_ReturnsNull() => (await Sut.LeaseAsync(Visibility)).ShouldBeNull();

    [Fact]
    public async Task Complete_RemovesTheItem()
    {
        await Sut.EnqueueAsync(Item("a"));
        (await Sut.GetDepthAsync()).ShouldBe(1);

        var lease = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
        lease.Item.ShouldBe(Item("a"));
        lease.Attempt.ShouldBe(1);
        await Sut.CompleteAsync(lease);

        (await Sut.GetDepthAsync()).ShouldBe(0);
        await AdvanceAsync(Visibility * 2);
        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();
    }

    [Fact]
    public async Task EnqueueAsync_SameIdWhilePending_IsStoredOnce()
    {
        await Sut.EnqueueAsync(Item("a"));
        await Sut.EnqueueAsync(Item("a"));
        await Sut.EnqueueAsync(Item("b"));

        var first = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
        var second = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();
        new[] { first.Item.Id, second.Item.Id }.Order().ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task EnqueueAsync_SameIdAfterCompletion_IsAcceptedAgain()
    {
        await Sut.EnqueueAsync(Item("a"));
        await Sut.CompleteAsync((await Sut.LeaseAsync(Visibility))!);

        await Sut.EnqueueAsync(Item("a"));

        (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull().Item.Id.ShouldBe("a");
    }

    [Fact]
    public async Task LeaseAsync_HidesTheItemUntilTheLeaseExpires_ThenRedelivers()
    {
        // A handler that died without completing: the item comes back, with its attempt counted.
        await Sut.EnqueueAsync(Item("a"));
        var first = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();

        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();
        await AdvanceAsync(Visibility + TimeSpan.FromSeconds(1));

        var second = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
        second.Item.ShouldBe(first.Item);
        second.Attempt.ShouldBe(2);
        second.LeaseToken.ShouldNotBe(first.LeaseToken);
    }

    [Fact]
    public async Task CompleteAsync_WithALostLease_Throws()
    {
        await Sut.EnqueueAsync(Item("a"));
        var stale = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
        await AdvanceAsync(Visibility + TimeSpan.FromSeconds(1));
        var current = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();

        await Should.ThrowAsync<LeaseLostException>(() => Sut.CompleteAsync(stale));

        await Sut.CompleteAsync(current);
        (await Sut.GetDepthAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AbandonAsync_RedeliversAfterTheDelay()
    {
        await Sut.EnqueueAsync(Item("a"));
        var lease = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();

        await Sut.AbandonAsync(lease, "boom", TimeSpan.FromSeconds(1));

        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull().Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task AbandonAsync_OnTheLastAttempt_DeadLettersWithTheReason()
    {
        await Sut.EnqueueAsync(Item("a"));
        for (var attempt = 1; attempt <= Options.MaxAttempts; attempt++)
        {
            var lease = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
            lease.Attempt.ShouldBe(attempt);
            await Sut.AbandonAsync(lease, $"failure {attempt}", TimeSpan.Zero);
            await AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();
        var dead = (await Sut.ListDeadLettersAsync(10)).ShouldHaveSingleItem();
        dead.Item.ShouldBe(Item("a"));
        dead.Attempts.ShouldBe(Options.MaxAttempts);
        dead.Reason.ShouldContain($"failure {Options.MaxAttempts}");
        (await Sut.GetDepthAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task LeaseAsync_AfterTheLastAttemptExpired_DeadLettersInsteadOfDelivering()
    {
        // The process died during every attempt: nobody abandoned, yet the item must not loop forever.
        await Sut.EnqueueAsync(Item("a"));
        for (var attempt = 1; attempt <= Options.MaxAttempts; attempt++)
        {
            (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();
            await AdvanceAsync(Visibility + TimeSpan.FromSeconds(1));
        }

        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();
        var dead = (await Sut.ListDeadLettersAsync(10)).ShouldHaveSingleItem();
        dead.Item.Id.ShouldBe("a");
        dead.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task DeadLetterAsync_MovesTheItemAtOnce()
    {
        await Sut.EnqueueAsync(Item("a"));
        var lease = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();

        await Sut.DeadLetterAsync(lease, "PermanentWorkException: no handler");

        (await Sut.GetDepthAsync()).ShouldBe(0);
        (await Sut.ListDeadLettersAsync(10)).ShouldHaveSingleItem().Reason.ShouldContain("no handler");
    }

    [Fact]
    public async Task Items_AreNotLostAcrossManyProducers()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Sut.EnqueueAsync(Item($"i{i}"))));

        var seen = new List<string>();
        while (await Sut.LeaseAsync(TimeSpan.FromSeconds(30)) is { } lease)
        {
            seen.Add(lease.Item.Id);
            await Sut.CompleteAsync(lease);
        }

        seen.Order().ShouldBe(Enumerable.Range(0, 40).Select(i => $"i{i}").Order());
    }

    [Fact]
    public async Task AcknowledgeAsync_WithoutReason_ForgetsTheId()
    {
        await Sut.EnqueueAsync(Item("a"));

        await Sut.AcknowledgeAsync(Item("a"), 1, null);

        (await Sut.GetDepthAsync()).ShouldBe(0);
        (await Sut.ListDeadLettersAsync(10)).ShouldBeEmpty();
        await Sut.EnqueueAsync(Item("a"));
        (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull().Item.Id.ShouldBe("a");
    }

    [Fact]
    public async Task AcknowledgeAsync_WithReason_RecordsTheDeadLetter()
    {
        await Sut.EnqueueAsync(Item("a"));

        await Sut.AcknowledgeAsync(Item("a"), 5, "TimeoutException: upstream");

        var dead = (await Sut.ListDeadLettersAsync(10)).ShouldHaveSingleItem();
        dead.Item.ShouldBe(Item("a"));
        dead.Attempts.ShouldBe(5);
        dead.Reason.ShouldBe("TimeoutException: upstream");
        (await Sut.GetDepthAsync()).ShouldBe(0);
    }
}
