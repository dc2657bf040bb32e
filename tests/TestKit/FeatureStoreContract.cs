using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IFeatureStore"/> adapter must show: appended vectors, point-in-time reads.</summary>
public abstract class FeatureStoreContract : IAsyncLifetime
{
    private static readonly ArtistId Artist = new("art-feature1");

    private IFeatureStore? _sut;

    protected IFeatureStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IFeatureStore> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static FeatureVector Vector(DateTimeOffset asOf, float first, string set = FeatureSetV1.Version, ArtistId? artist = null)
    {
        var values = Enumerable.Range(0, FeatureSetV1.Count).Select(i => i == 0 ? first : i / 10f).ToArray();
        values[FeatureSetV1.Growth90d] = FeatureSetV1.Missing;
        return new FeatureVector(artist ?? Artist, set, asOf, values);
    }

    [Fact]
    public async Task GetAsOfAsync_Nothing_ReturnsNull() =>
        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch)).ShouldBeNull();

    [Fact]
    public async Task SaveAsync_ThenGet_RoundTripsEveryValueIncludingMissing()
    {
        var vector = Vector(Samples.Epoch, 4.25f);

        await Sut.SaveAsync(vector);

        var read = (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch)).ShouldNotBeNull();
        read.ShouldBe(vector);
        float.IsNaN(read[FeatureSetV1.Growth90d]).ShouldBeTrue();
    }

    [Fact]
    public async Task GetAsOfAsync_ReturnsTheLatestAtOrBeforeTheTime_NeverALaterOne()
    {
        await Sut.SaveAsync(Vector(Samples.Epoch, 1));
        await Sut.SaveAsync(Vector(Samples.Epoch.AddDays(10), 2));
        await Sut.SaveAsync(Vector(Samples.Epoch.AddDays(20), 3));

        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch.AddTicks(-1))).ShouldBeNull();
        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch.AddDays(10).AddTicks(-1))).ShouldNotBeNull()[0].ShouldBe(1);
        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch.AddDays(10))).ShouldNotBeNull()[0].ShouldBe(2);
        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch.AddDays(19))).ShouldNotBeNull()[0].ShouldBe(2);
        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch.AddYears(1))).ShouldNotBeNull()[0].ShouldBe(3);
    }

    [Fact]
    public async Task GetAsOfAsync_KeepsFeatureSetsAndArtistsApart()
    {
        await Sut.SaveAsync(Vector(Samples.Epoch, 1, set: "fs-0"));
        await Sut.SaveAsync(Vector(Samples.Epoch, 2, artist: new ArtistId("art-feature2")));

        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch.AddDays(1))).ShouldBeNull();
        (await Sut.GetAsOfAsync(Artist, "fs-0", Samples.Epoch.AddDays(1))).ShouldNotBeNull()[0].ShouldBe(1);
    }

    [Fact]
    public async Task SaveAsync_SameAsOfTwice_KeepsTheFirst()
    {
        await Sut.SaveAsync(Vector(Samples.Epoch, 1));
        await Sut.SaveAsync(Vector(Samples.Epoch, 9));

        (await Sut.GetAsOfAsync(Artist, FeatureSetV1.Version, Samples.Epoch)).ShouldNotBeNull()[0].ShouldBe(1);
    }
}
