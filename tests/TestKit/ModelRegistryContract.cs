using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Features;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IModelRegistry"/> adapter must show.</summary>
public abstract class ModelRegistryContract : IAsyncLifetime
{
    private IModelRegistry? _sut;
    private IJournal? _journal;

    protected IModelRegistry Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<(IModelRegistry Registry, IJournal Journal)> CreateAsync();

    public async Task InitializeAsync() => (_sut, _journal) = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ModelRecord Model(string id, int minutes) =>
        new(id, FeatureSetV1.Version, Samples.Epoch.AddMinutes(minutes), 800, 120, new ModelMetrics(0.81, 0.36, 0.03, 200, 31));

    /// <summary>Bigger than one storage property or row, with every byte value.</summary>
    private static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Nothing_NoModelsNoRoles()
    {
        (await Sut.GetAsync("lead-x")).ShouldBeNull();
        (await Sut.GetContentAsync("lead-x")).ShouldBeNull();
        (await Sut.ListAsync(10)).ShouldBeEmpty();
        (await Sut.GetRolesAsync()).ShouldBe(ModelRoles.None);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000_003)]
    public async Task RegisterAsync_ThenGet_RoundTripsRecordAndContent(int length)
    {
        var model = Model("lead-a", 1);
        var content = Content(length, 7);

        await Sut.RegisterAsync(model, content);

        (await Sut.GetAsync("lead-a")).ShouldBe(model);
        (await Sut.GetContentAsync("lead-a")).ShouldBe(content);
    }

    [Fact]
    public async Task RegisterAsync_SameIdAgain_ChangesNothing()
    {
        await Sut.RegisterAsync(Model("lead-a", 1), Content(100, 1));

        await Sut.RegisterAsync(Model("lead-a", 1) with { TrainedOn = 1 }, Content(100, 1));

        (await Sut.GetAsync("lead-a")).ShouldNotBeNull().TrainedOn.ShouldBe(800);
        (await Sut.ListAsync(10)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListAsync_NewestFirst_UpToMax()
    {
        await Sut.RegisterAsync(Model("lead-a", 1), Content(10, 1));
        await Sut.RegisterAsync(Model("lead-c", 3), Content(10, 3));
        await Sut.RegisterAsync(Model("lead-b", 2), Content(10, 2));

        (await Sut.ListAsync(10)).Select(m => m.Id).ShouldBe(["lead-c", "lead-b", "lead-a"]);
        (await Sut.ListAsync(2)).Select(m => m.Id).ShouldBe(["lead-c", "lead-b"]);
    }

    [Fact]
    public async Task SetRolesAsync_StoresBothRolesWithTheirEvents()
    {
        await Sut.RegisterAsync(Model("lead-a", 1), Content(10, 1));
        await Sut.RegisterAsync(Model("lead-b", 2), Content(10, 2));
        var promoted = new ModelPromoted(ModelEvents.Stream, Samples.Epoch, "lead-a", "baseline-1", 0.8, 0.4);

        await Sut.SetRolesAsync(new ModelRoles("lead-a", "lead-b"), [promoted]);

        (await Sut.GetRolesAsync()).ShouldBe(new ModelRoles("lead-a", "lead-b"));
        (await Journal.AllEventsAsync()).ShouldHaveSingleItem().ShouldBe(promoted);

        await Sut.SetRolesAsync(new ModelRoles("lead-b", null), []);
        (await Sut.GetRolesAsync()).ShouldBe(new ModelRoles("lead-b", null));
    }

    [Fact]
    public async Task SetRolesAsync_UnknownModel_ThrowsAndChangesNothing()
    {
        await Sut.RegisterAsync(Model("lead-a", 1), Content(10, 1));
        await Sut.SetRolesAsync(new ModelRoles("lead-a", null), []);

        await Should.ThrowAsync<KeyNotFoundException>(() => Sut.SetRolesAsync(new ModelRoles("lead-a", "lead-missing"), [new ModelPromoted(ModelEvents.Stream, Samples.Epoch, "x", "y", 0, 0)]));

        (await Sut.GetRolesAsync()).ShouldBe(new ModelRoles("lead-a", null));
        (await Journal.AllEventsAsync()).ShouldBeEmpty();
    }
}
