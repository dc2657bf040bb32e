using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="ISourceCursorStore"/> adapter must show.</summary>
public abstract class SourceCursorStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    private ISourceCursorStore? _sut;

    protected ISourceCursorStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<ISourceCursorStore> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => _sut = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull() => (await Sut.GetAsync("spotify")).ShouldBeNull();

    [Fact]
    public async Task SetAsync_ThenGet_RoundTrips()
    {
        var cursor = new SourceCursor("spotify", "offset=100&q=genre:\"indie pop\"", Samples.Epoch, null);

        await Sut.SetAsync(cursor);

        (await Sut.GetAsync("spotify")).ShouldBe(cursor);
    }

    [Fact]
    public async Task SetAsync_Again_Replaces()
    {
        await Sut.SetAsync(new SourceCursor("spotify", "a", Samples.Epoch, null));
        var done = new SourceCursor("spotify", null, Samples.Epoch.AddMinutes(5), Samples.Epoch.AddMinutes(5));

        await Sut.SetAsync(done);

        (await Sut.GetAsync("spotify")).ShouldBe(done);
        (await Sut.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListAsync_ReturnsEveryConnectorByKey()
    {
        await Sut.SetAsync(new SourceCursor("youtube", "t1", Samples.Epoch, null));
        await Sut.SetAsync(new SourceCursor("spotify", null, Samples.Epoch, Samples.Epoch));

        (await Sut.ListAsync()).Select(c => c.ConnectorKey).ShouldBe(["spotify", "youtube"]);
    }
}
