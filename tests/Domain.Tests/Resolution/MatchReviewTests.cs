using MonaSpark.Domain.Resolution;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Resolution;

public class MatchReviewTests
{
    [Fact]
    public void IdFor_IsTheSameInEitherOrder()
    {
        var a = Samples.Artist("a").Id;
        var b = Samples.Artist("b").Id;

        MatchReview.IdFor(a, b).ShouldBe(MatchReview.IdFor(b, a));
        MatchReview.IdFor(a, b).ShouldStartWith("rev-");
        MatchReview.IdFor(a, b).ShouldNotBe(MatchReview.IdFor(a, Samples.Artist("c").Id));
    }

    [Fact]
    public void Open_KeepsWhichArtistWasKnownFirst()
    {
        var sut = MatchReview.Open(Samples.Artist("a").Id, Samples.Artist("b").Id, new MatchScore(0.7, ["same name"]), "src-1", Samples.Epoch);

        sut.ArtistA.ShouldBe(Samples.Artist("a").Id);
        sut.Status.ShouldBe(MatchReviewStatus.Pending);
        sut.Confidence.ShouldBe(0.7);
    }
}
