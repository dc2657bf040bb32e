using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IMatchReviewStore"/> adapter must show.</summary>
public abstract class MatchReviewStoreContract : IAsyncLifetime
{
    private IMatchReviewStore? _sut;

    protected IMatchReviewStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Creates a fresh, empty store.</summary>
    protected abstract Task<IMatchReviewStore> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static MatchReview Review(string a, string b, DateTimeOffset? at = null) => MatchReview.Open(
        ArtistId.ForSource(SourceKind.Import, a),
        ArtistId.ForSource(SourceKind.Import, b),
        new MatchScore(0.7, ["same name (ignoring case, accents, articles and punctuation)", "country unknown on one side"]),
        $"src-{b}",
        at ?? Samples.Epoch);

    [Fact]
    public async Task AddAsync_New_RoundTripsEveryField()
    {
        var review = Review("a", "b");

        (await Sut.AddAsync(review)).ShouldBeTrue();

        var loaded = (await Sut.GetAsync(review.Id)).ShouldNotBeNull();
        loaded.ArtistA.ShouldBe(review.ArtistA);
        loaded.ArtistB.ShouldBe(review.ArtistB);
        loaded.Confidence.ShouldBe(0.7);
        loaded.Reasons.ShouldBe(review.Reasons);
        loaded.SourceRecordId.ShouldBe("src-b");
        loaded.CreatedAt.ShouldBe(Samples.Epoch);
        loaded.Status.ShouldBe(MatchReviewStatus.Pending);
        loaded.ResolvedAt.ShouldBeNull();
    }

    [Fact]
    public async Task AddAsync_SamePairInEitherOrder_IsAddedOnce()
    {
        await Sut.AddAsync(Review("a", "b"));

        (await Sut.AddAsync(Review("a", "b", Samples.Epoch.AddHours(1)))).ShouldBeFalse();
        (await Sut.AddAsync(Review("b", "a"))).ShouldBeFalse();

        (await Sut.ListPendingAsync(10)).ShouldHaveSingleItem().CreatedAt.ShouldBe(Samples.Epoch);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull() => (await Sut.GetAsync("rev-missing")).ShouldBeNull();

    [Fact]
    public async Task ListPendingAsync_OldestFirst_LimitedToMaxCount()
    {
        await Sut.AddAsync(Review("a", "b", Samples.Epoch.AddMinutes(2)));
        await Sut.AddAsync(Review("c", "d", Samples.Epoch));
        await Sut.AddAsync(Review("e", "f", Samples.Epoch.AddMinutes(1)));

        (await Sut.ListPendingAsync(2)).Select(r => r.SourceRecordId).ShouldBe(["src-d", "src-f"]);
        (await Sut.ListPendingAsync(0)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(MatchReviewStatus.Accepted)]
    [InlineData(MatchReviewStatus.Rejected)]
    public async Task ResolveAsync_Pending_RecordsTheDecisionAndLeavesThePendingList(MatchReviewStatus decision)
    {
        var review = Review("a", "b");
        await Sut.AddAsync(review);
        await Sut.AddAsync(Review("c", "d"));

        var resolved = await Sut.ResolveAsync(review.Id, decision, Samples.Epoch.AddHours(2));

        resolved.ShouldNotBeNull().Status.ShouldBe(decision);
        resolved.ResolvedAt.ShouldBe(Samples.Epoch.AddHours(2));
        (await Sut.GetAsync(review.Id))!.Status.ShouldBe(decision);
        (await Sut.ListPendingAsync(10)).ShouldHaveSingleItem().SourceRecordId.ShouldBe("src-d");
    }

    [Fact]
    public async Task ResolveAsync_AlreadyDecided_KeepsTheFirstDecision()
    {
        var review = Review("a", "b");
        await Sut.AddAsync(review);
        await Sut.ResolveAsync(review.Id, MatchReviewStatus.Rejected, Samples.Epoch.AddHours(1));

        var again = await Sut.ResolveAsync(review.Id, MatchReviewStatus.Accepted, Samples.Epoch.AddHours(2));

        again!.Status.ShouldBe(MatchReviewStatus.Rejected);
        again.ResolvedAt.ShouldBe(Samples.Epoch.AddHours(1));
        (await Sut.AddAsync(Review("b", "a"))).ShouldBeFalse();
    }

    [Fact]
    public async Task ResolveAsync_Missing_ReturnsNull() =>
        (await Sut.ResolveAsync("rev-missing", MatchReviewStatus.Accepted, Samples.Epoch)).ShouldBeNull();

    [Fact]
    public async Task ResolveAsync_Pending_IsRefused() =>
        await Should.ThrowAsync<ArgumentException>(() => Sut.ResolveAsync("rev-x", MatchReviewStatus.Pending, Samples.Epoch));
}
