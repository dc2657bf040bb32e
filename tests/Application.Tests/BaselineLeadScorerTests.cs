using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Scoring;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests;

public class BaselineLeadScorerTests
{
    private static readonly DateTimeOffset Now = Samples.Epoch;
    private readonly BaselineLeadScorer _sut = new(Microsoft.Extensions.Options.Options.Create(new ScoringOptions()));

    /// <summary>Scores as the handler does: features computed from the same history.</summary>
    private Score Score(Artist artist, IReadOnlyList<MetricSnapshot> history) =>
        _sut.Score(new ScoringInput(artist, history, FeatureSetV1.Compute(artist, history, null, Now), Now));

    private static MetricSnapshot Snap(Artist a, SourceKind p, int daysAgo, long followers) => new(a.Id, p, Now.AddDays(-daysAgo), followers);

    [Fact]
    public void Score_FastGrowingReachableArtistInSweetSpot_ExplainsEachTerm()
    {
        var artist = Samples.Artist();
        var history = new[] { Snap(artist, SourceKind.Spotify, 29, 10_000), Snap(artist, SourceKind.Spotify, 1, 13_800) };

        var score = Score(artist, history);

        // 0.05 base + 0.30 audience fit 1 + 0.35 × (0.38 / 0.5) growth + 0.20 e-mail
        score.Probability.ShouldBe(0.816, 0.0001);
        score.ModelVersion.ShouldBe("baseline-1");
        score.Explanation.Select(c => c.Description).ShouldBe(
        [
            "+ audience of 13,800 across 1 platform (in the 5k–250k sweet spot)",
            "+ fast growth on Spotify: +38% in 28 days",
            "+ has a business e-mail",
            "+ base conversion rate of emerging artists",
        ]);
        score.ExpectedValue.MinorUnits.ShouldBe(1900 * 14 * 3 / 2);
        score.ExpectedValue.Currency.Value.ShouldBe("EUR");
    }

    [Fact]
    public void Score_NoBusinessEmail_IsPenalisedAndSaysSo()
    {
        var artist = Samples.Artist(email: null);

        var score = Score(artist, [Snap(artist, SourceKind.YouTube, 1, 50_000)]);

        score.Explanation.ShouldContain(c => c.Feature == "business_email" && c.Impact < 0 && c.Description == "− no business e-mail");
        score.Explanation.ShouldContain(c => c.Feature == "growth_28d" && c.Description.Contains("unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_Decline_LowersTheProbability()
    {
        var artist = Samples.Artist();
        var steady = Score(artist, [Snap(artist, SourceKind.Spotify, 29, 10_000), Snap(artist, SourceKind.Spotify, 1, 10_000)]);

        var declining = Score(artist, [Snap(artist, SourceKind.Spotify, 29, 10_000), Snap(artist, SourceKind.Spotify, 1, 8_000)]);

        declining.Probability.ShouldBeLessThan(steady.Probability);
        declining.Explanation.ShouldContain(c => c.Description == "− decline on Spotify: −20% in 28 days");
    }

    [Fact]
    public void Score_IgnoresObservationsAfterAsOf()
    {
        var artist = Samples.Artist();
        var history = new[] { Snap(artist, SourceKind.Spotify, 29, 10_000), Snap(artist, SourceKind.Spotify, 1, 10_000), Snap(artist, SourceKind.Spotify, -5, 90_000) };

        var score = Score(artist, history);

        score.Explanation.ShouldContain(c => c.Description.StartsWith("+ audience of 10,000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100, 0.0)]
    [InlineData(500, 0.0)]
    [InlineData(5_000, 1.0)]
    [InlineData(100_000, 1.0)]
    [InlineData(250_000, 1.0)]
    [InlineData(5_000_000, 0.0)]
    public void AudienceFit_IsOneInTheSweetSpotAndZeroOutside(long audience, double expected) =>
        BaselineLeadScorer.AudienceFit(audience).ShouldBe(expected, 0.0001);

    [Fact]
    public void AudienceFit_RampsBetweenFloorAndSweetSpot() =>
        BaselineLeadScorer.AudienceFit(1_581).ShouldBe(0.5, 0.01);

    [Fact]
    public void Score_ProbabilityStaysWithinBounds()
    {
        var artist = Samples.Artist(email: null);

        Score(artist, []).Probability.ShouldBe(0.01);
    }
}
