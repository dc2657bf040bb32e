using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

/// <summary>The local host's start: leases left by a killed process are void.</summary>
public sealed class SqliteWorkQueueReleaseTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public void Dispose() => _directory.Delete();

    [Fact]
    public async Task ReleaseLeases_LeasedItemsAreVisibleAtOnce_WithTheirAttemptsKept()
    {
        var sut = new SqliteWorkQueue(_directory.Open(), _time, Microsoft.Extensions.Options.Options.Create(new WorkQueueOptions()));
        await sut.EnqueueAsync(new WorkItem("a", WorkKinds.SendMessage, "m#0"));
        await sut.EnqueueAsync(new WorkItem("b", WorkKinds.SendMessage, "n#0"));
        var first = (await sut.LeaseAsync(TimeSpan.FromMinutes(5)))!;
        (await sut.LeaseAsync(TimeSpan.FromMinutes(5))).ShouldNotBeNull();
        (await sut.LeaseAsync(TimeSpan.FromMinutes(5))).ShouldBeNull();

        (await sut.ReleaseLeasesAsync()).ShouldBe(2);

        var again = new[] { await sut.LeaseAsync(TimeSpan.FromMinutes(5)), await sut.LeaseAsync(TimeSpan.FromMinutes(5)) };
        again.ShouldAllBe(l => l != null && l.Attempt == 2);
        await Should.ThrowAsync<LeaseLostException>(() => sut.CompleteAsync(first)); // the dead process's lease is void
        (await sut.ReleaseLeasesAsync()).ShouldBe(2);
    }
}
