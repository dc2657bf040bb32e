using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class MatchReviewDecisionsTests
{
    private readonly IMatchReviewStore _reviews = Substitute.For<IMatchReviewStore>();
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly MatchReviewDecisions _sut;
    private readonly MatchReview _review = MatchReview.Open(Samples.Artist("a").Id, Samples.Artist("b").Id, new MatchScore(0.7, ["same name"]), "src-b", Samples.Epoch);

    public MatchReviewDecisionsTests()
    {
        _sut = new MatchReviewDecisions(_reviews, new MergeArtists(_artists, Substitute.For<ILeadStore>(), Substitute.For<IWorkQueue>(), _time), _time);
        _reviews.GetAsync(_review.Id, Arg.Any<CancellationToken>()).Returns(_review);
        _artists.GetAsync(Samples.Artist("a").Id, Arg.Any<CancellationToken>()).Returns(Samples.Artist("a") with { Version = 1 });
        _artists.GetAsync(Samples.Artist("b").Id, Arg.Any<CancellationToken>()).Returns(Samples.Artist("b") with { Version = 1 });
        _artists.SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Artist>() with { Version = call.Arg<Artist>().Version + 1 });
    }

    [Fact]
    public async Task DecideAsync_Accept_MergesBIntoAThenRecordsTheDecision()
    {
        await _sut.DecideAsync(_review.Id, accept: true);

        Received.InOrder(() =>
        {
            _artists.SaveAsync(Arg.Is<Artist>(a => a.Id == _review.ArtistA), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Is<IReadOnlyList<DomainEvent>>(e => ((ArtistMerged)e[0]).Confidence == 0.7), Arg.Any<CancellationToken>());
            _reviews.ResolveAsync(_review.Id, MatchReviewStatus.Accepted, Samples.Epoch, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task DecideAsync_Reject_KeepsThemApart()
    {
        await _sut.DecideAsync(_review.Id, accept: false);

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
        await _reviews.Received(1).ResolveAsync(_review.Id, MatchReviewStatus.Rejected, Samples.Epoch, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DecideAsync_AcceptAfterReject_NeverMerges()
    {
        _reviews.GetAsync(_review.Id, Arg.Any<CancellationToken>()).Returns(_review with { Status = MatchReviewStatus.Rejected });

        await _sut.DecideAsync(_review.Id, accept: true);

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task DecideAsync_Unknown_ReturnsNull() => (await _sut.DecideAsync("rev-missing", accept: true)).ShouldBeNull();
}
