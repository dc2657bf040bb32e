using Microsoft.Data.Sqlite;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteWorkQueueTests : WorkQueueContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<IWorkQueue> CreateAsync(TimeProvider time, WorkQueueOptions options) =>
        Task.FromResult<IWorkQueue>(Create(time, options));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task LeaseAsync_AfterTheProcessDied_RedeliversFromTheFile()
    {
        await Sut.EnqueueAsync(new WorkItem("a", WorkKinds.ScoreArtist, "art-a"));
        var first = (await Sut.LeaseAsync(Visibility)).ShouldNotBeNull();

        // The "process" that held the lease dies: every connection to the file goes away with it.
        SqliteConnection.ClearAllPools();
        var restarted = Create(Time, Options);
        (await restarted.LeaseAsync(Visibility)).ShouldBeNull();
        Time.Advance(Visibility + TimeSpan.FromSeconds(1));

        var second = (await restarted.LeaseAsync(Visibility)).ShouldNotBeNull();
        second.Item.ShouldBe(first.Item);
        second.Attempt.ShouldBe(2);
        await restarted.CompleteAsync(second);
        (await restarted.GetDepthAsync()).ShouldBe(0);
    }

    private SqliteWorkQueue Create(TimeProvider time, WorkQueueOptions options) =>
        new(_directory.Open(), time, Microsoft.Extensions.Options.Options.Create(options));
}
