using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Features;

public class FeatureSetV1Tests
{
    private static readonly DateTimeOffset Now = Samples.Epoch;
    private readonly Artist _artist = Samples.Artist();

    private MetricSnapshot Snap(SourceKind platform, int daysAgo, long followers, long? plays = null, int? popularity = null) =>
        new(_artist.Id, platform, Now.AddDays(-daysAgo), followers, plays, popularity);

    [Fact]
    public void Compute_FromSnapshotsAndProfile()
    {
        IReadOnlyList<MetricSnapshot> history =
        [
            Snap(SourceKind.Spotify, 90, 5_000),
            Snap(SourceKind.Spotify, 29, 10_000),
            Snap(SourceKind.Spotify, 1, 13_800, plays: 138_000, popularity: 41),
            Snap(SourceKind.YouTube, 1, 999),
        ];

        var v = FeatureSetV1.Compute(_artist, history, FunnelStage.Contacted, Now);

        v.FeatureSet.ShouldBe("fs-1");
        v.AsOf.ShouldBe(Now);
        v.Values.Count.ShouldBe(FeatureSetV1.Count);
        v[FeatureSetV1.SpotifyAudience].ShouldBe((float)Math.Log10(13_801), 1e-5f);
        v[FeatureSetV1.YouTubeAudience].ShouldBe(3f, 1e-5f);
        v[FeatureSetV1.InstagramAudience].ShouldBe(0f);
        v[FeatureSetV1.TotalAudience].ShouldBe((float)Math.Log10(14_800), 1e-5f);
        v[FeatureSetV1.BestGrowth28d].ShouldBe(0.38f, 1e-4f);
        v[FeatureSetV1.Popularity].ShouldBe(0.41f, 1e-5f);
        v[FeatureSetV1.PlaysPerFollower].ShouldBe((float)Math.Log10(11), 1e-5f);
        v[FeatureSetV1.Platforms].ShouldBe(2f);
        v[FeatureSetV1.CareerStage].ShouldBe(2f);
        v[FeatureSetV1.FrenchMarket].ShouldBe(1f);
        v[FeatureSetV1.EnglishMarket].ShouldBe(0f);
        v[FeatureSetV1.GenrePop].ShouldBe(1f); // "dream pop"
        v[FeatureSetV1.GenreRock].ShouldBe(0f);
        v[FeatureSetV1.BusinessEmail].ShouldBe(1f);
        v[FeatureSetV1.Contacted].ShouldBe(1f);
        v[FeatureSetV1.Engaged].ShouldBe(0f);
        v[FeatureSetV1.DaysSinceObserved].ShouldBe(1f);
    }

    [Fact]
    public void Compute_IgnoresWhatWasObservedAfterAsOf()
    {
        IReadOnlyList<MetricSnapshot> before = [Snap(SourceKind.Spotify, 29, 10_000), Snap(SourceKind.Spotify, 1, 12_000)];
        IReadOnlyList<MetricSnapshot> withLater = [.. before, new MetricSnapshot(_artist.Id, SourceKind.Spotify, Now.AddDays(3), 900_000)];

        FeatureSetV1.Compute(_artist, withLater, null, Now).ShouldBe(FeatureSetV1.Compute(_artist, before, null, Now));
    }

    [Fact]
    public void Compute_NoHistory_GrowthAndEngagementAreMissingNotZero()
    {
        var v = FeatureSetV1.Compute(_artist with { ContactPoints = [] }, [], null, Now);

        float.IsNaN(v[FeatureSetV1.Growth28d]).ShouldBeTrue();
        float.IsNaN(v[FeatureSetV1.BestGrowth28d]).ShouldBeTrue();
        float.IsNaN(v[FeatureSetV1.PlaysPerFollower]).ShouldBeTrue();
        float.IsNaN(v[FeatureSetV1.Cadence]).ShouldBeTrue();
        v[FeatureSetV1.TotalAudience].ShouldBe(0f);
        v[FeatureSetV1.BusinessEmail].ShouldBe(0f);
    }

    [Fact]
    public void Compute_StoredBytes_RoundTripIncludingMissing()
    {
        var v = FeatureSetV1.Compute(_artist, [Snap(SourceKind.Spotify, 1, 10)], null, Now);

        (v with { Values = FeatureVector.ValuesFromBytes(v.ValuesToBytes()) }).ShouldBe(v);
    }

    [Theory]
    [InlineData(FeatureSetV1.BestGrowth28d, 0.38f, "Spotify", "fast growth on Spotify: +38% in 28 days")]
    [InlineData(FeatureSetV1.Growth7d, -0.05f, null, "decline: −5% in 7 days")]
    [InlineData(FeatureSetV1.BusinessEmail, 0f, null, "no business e-mail")]
    [InlineData(FeatureSetV1.TotalAudience, 4.140f, null, "total audience of 13,803")]
    [InlineData(FeatureSetV1.Cadence, float.NaN, null, "cadence unknown")]
    public void Describe_InPlainWords(int feature, float value, string? platform, string expected) =>
        FeatureSetV1.Describe(feature, value, platform).ShouldBe(expected);

    [Fact]
    public void Names_OnePerFeature_Unique() =>
        FeatureSetV1.Names.Distinct().Count().ShouldBe(FeatureSetV1.Count);
}
