using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>Azure Storage keeps its own clock for visibility, so time passes for real here (1 s leases).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageQueueWorkQueueTests(AzuriteFixture azurite) : WorkQueueContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IWorkQueue> CreateAsync(TimeProvider time, WorkQueueOptions options) =>
        Task.FromResult<IWorkQueue>(new StorageQueueWorkQueue(azurite.Queues, azurite.Tables, _options, Microsoft.Extensions.Options.Options.Create(options), time));

    protected override async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Task.Delay(by);
    }

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);

    [Fact(Timeout = 30_000)]
    public async Task LeaseAsync_MessageThatIsNotAWorkItem_IsDeadLetteredNotDelivered()
    {
        (await Sut.LeaseAsync(Visibility)).ShouldBeNull(); // creates the queue
        var queue = azurite.Queues.GetQueueClient(_options.Value.WorkQueueName);
        await queue.SendMessageAsync("{\"not\":\"a work item\"}");

        (await Sut.LeaseAsync(Visibility)).ShouldBeNull();

        var dead = (await Sut.ListDeadLettersAsync(10)).ShouldHaveSingleItem();
        dead.Item.Kind.ShouldBe("unreadable");
        dead.Reason.ShouldContain("not a work item");
        var poison = azurite.Queues.GetQueueClient(_options.Value.WorkQueueName + "-poison");
        (await poison.PeekMessageAsync()).Value.ShouldNotBeNull();
    }
}
