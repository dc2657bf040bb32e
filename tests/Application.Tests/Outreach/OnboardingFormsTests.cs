using MonaSpark.Application.Landing;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using Q = MonaSpark.Domain.Onboarding.OnboardingQuestions;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>The onboarding form's flow over the SQLite stores: signup once, branches, refusals, back, resume, completion once with its time.</summary>
public sealed class OnboardingFormsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly OutreachHarness _harness = new(Now);

    public OnboardingFormsTests() => _harness.OutreachOptions.ApplyDefaults();

    public void Dispose() => _harness.Dispose();

    /// <summary>A VAPID public key as the push channel is configured with (65 bytes, base64url).</summary>
    private const string PushKey = "BOr2jAlFnWwHNWtxcPXx7Jse8lz1g0lLr2Sxf-3W84aAShk8q_pTv0kpcGZH7M3dr0xp1G0B7Q8hTpLzOdvAfwU";

    private string? _pushKey;

    private OnboardingForms Sut() => new(
        _harness.LinkTokens(),
        _harness.Artists,
        _harness.Messages,
        _harness.ReadModels,
        _harness.Journal,
        _harness.OneTime,
        Microsoft.Extensions.Options.Options.Create(_harness.OutreachOptions),
        Microsoft.Extensions.Options.Options.Create(new WebPushOptInOptions { PublicKey = _pushKey }),
        _harness.Time);

    private PushOptIns PushOptIns() => new(
        _harness.LinkTokens(),
        _harness.Artists,
        _harness.ReadModels,
        _harness.Contacts,
        Microsoft.Extensions.Options.Options.Create(new WebPushOptInOptions { PublicKey = _pushKey }),
        _harness.Time);

    private static readonly (string Question, string Answer)[] SoloIndependent =
    [
        (Q.Name, "Luna"), (Q.Act, "solo"), (Q.Deal, "independent"), (Q.Genre, "dream pop"),
        (Q.Country, "FR"), (Q.Goal, "fans"), (Q.Email, "luna@example.com"), (Q.Plan, "spark-monthly"),
    ];

    private const string Subscription =
        """{"endpoint":"https://push.example.net/send/abc","expirationTime":null,"keys":{"p256dh":"BOr2jAlFnWwHNWtxcPXx7Jse8lz1g0lLr2Sxf-3W84aAShk8q_pTv0kpcGZH7M3dr0xp1G0B7Q8hTpLzOdvAfwU","auth":"8eDyX_uCN0XRhSbY5hs7Hg"}}""";

    private async Task<(Artist Artist, string Token)> ArtistAsync()
    {
        var artist = await _harness.AddArtistAsync();
        return (artist, _harness.LinkTokens().Mint(artist.Id, Now.AddDays(30)));
    }

    [Fact]
    public async Task Get_FirstLook_StartsTheSignupOnce_AndAsksTheFirstQuestionWithWhatTheProfileSays()
    {
        var (artist, token) = await ArtistAsync();

        var view = await Sut().GetAsync(token);
        await Sut().GetAsync(token);

        view.Status.ShouldBe(LandingStatus.Ready);
        view.Language.ShouldBe("fr");
        view.Step!.Question.Id.ShouldBe(Q.Name);
        view.Step.Known.ShouldBe(artist.Name.Value);
        view.Step.Number.ShouldBe(1);
        view.Step.Count.ShouldBe(8);
        view.Plans.ShouldHaveSingleItem().Price.Currency.Value.ShouldBe("EUR");
        (await _harness.EventsAsync()).OfType<OnboardingStarted>().ShouldHaveSingleItem().OfferId.ShouldBe("spark-monthly");
    }

    [Fact]
    public async Task Answer_AllTheWay_CompletesOnceWithTheTimeItTook()
    {
        var (artist, token) = await ArtistAsync();
        var sut = Sut();
        await sut.GetAsync(token);

        foreach (var (question, answer) in new[]
        {
            (Q.Name, "Luna"), (Q.Act, "band"), (Q.Members, "3"), (Q.Deal, "independent"), (Q.Genre, "dream pop"),
            (Q.Country, "fr"), (Q.Goal, "fans"), (Q.Email, "luna@example.com"),
        })
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(10));
            (await sut.AnswerAsync(token, question, answer)).Step!.Error.ShouldBeNull(question);
        }

        _harness.Time.Advance(TimeSpan.FromSeconds(12));
        var done = await sut.AnswerAsync(token, Q.Plan, "spark-monthly");
        var again = await sut.AnswerAsync(token, Q.Plan, "spark-monthly");

        done.Completed.ShouldBeTrue();
        done.CompletedIn.ShouldBe(TimeSpan.FromSeconds(92));
        again.Completed.ShouldBeTrue();
        var completed = (await _harness.EventsAsync()).OfType<SignupCompleted>().ShouldHaveSingleItem();
        completed.ShouldBe(new SignupCompleted(artist.Id.Value, Now.AddSeconds(92), "spark-monthly", TimeSpan.FromSeconds(92)));
    }

    [Fact]
    public async Task Answer_Refused_TheSameQuestionWithTheReasonAndWhatWasTyped()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        await sut.AnswerAsync(token, Q.Name, "Luna");
        await sut.AnswerAsync(token, Q.Act, "band");

        var view = await sut.AnswerAsync(token, Q.Members, "one");

        view.Step!.Question.Id.ShouldBe(Q.Members);
        view.Step.Error.ShouldBe("number");
        view.Step.Value.ShouldBe("one");
        (await sut.GetAsync(token)).Step!.Error.ShouldBeNull(); // a refusal is not kept
    }

    [Fact]
    public async Task Answer_BranchChanged_TheOtherBranchsAnswersGo()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        await sut.AnswerAsync(token, Q.Name, "Luna");
        await sut.AnswerAsync(token, Q.Act, "band");
        await sut.AnswerAsync(token, Q.Members, "3");
        (await sut.GetAsync(token)).Step!.Count.ShouldBe(9);

        await sut.AnswerAsync(token, Q.Act, "solo");

        var view = await sut.GetAsync(token);
        view.Step!.Question.Id.ShouldBe(Q.Deal);
        view.Step.Count.ShouldBe(8);
    }

    [Fact]
    public async Task Back_ForgetsTheLastAnswer_ToChangeIt()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        await sut.AnswerAsync(token, Q.Name, "Luna");
        await sut.AnswerAsync(token, Q.Act, "solo");

        var view = await sut.AnswerAsync(token, null, null, back: true);

        view.Step!.Question.Id.ShouldBe(Q.Act);
        view.Step.Number.ShouldBe(2);
    }

    [Fact]
    public async Task Answer_AStalePage_ShowsWhereTheFormStands()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        await sut.AnswerAsync(token, Q.Name, "Luna");

        var view = await sut.AnswerAsync(token, Q.Members, "3"); // not asked: no band

        view.Step!.Question.Id.ShouldBe(Q.Act);
        view.Step.Error.ShouldBeNull();
    }

    [Fact]
    public async Task Resume_AnotherDay_WhereItWasLeft()
    {
        var (_, token) = await ArtistAsync();
        await Sut().AnswerAsync(token, Q.Name, "Luna");
        _harness.Time.Advance(TimeSpan.FromDays(1));

        (await Sut().GetAsync(token)).Step!.Question.Id.ShouldBe(Q.Act);
    }

    [Theory]
    [InlineData(null, LandingStatus.NotFound)]
    [InlineData("nope", LandingStatus.NotFound)]
    public async Task NotOurLink_Unavailable(string? token, LandingStatus status) =>
        (await Sut().GetAsync(token)).Status.ShouldBe(status);

    [Fact]
    public async Task ExpiredLink_Gone_AndNothingRecorded()
    {
        var artist = await _harness.AddArtistAsync();
        var token = _harness.LinkTokens().Mint(artist.Id, Now.AddMinutes(1));
        _harness.Time.Advance(TimeSpan.FromMinutes(2));

        (await Sut().AnswerAsync(token, Q.Name, "Luna")).Status.ShouldBe(LandingStatus.Expired);
        (await _harness.EventsAsync()).OfType<OnboardingStarted>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Answer_TheSameAnswerIdTwice_IsTakenOnce_EvenAfterTheFormMovedOn()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        await sut.AnswerAsync(token, Q.Name, "Luna", answerId: "a-1");
        await sut.AnswerAsync(token, Q.Act, "band", answerId: "a-2");
        await sut.AnswerAsync(token, null, null, back: true, answerId: "a-3"); // forgets "band"

        // The same three sent again (a lost response, a second sync): nothing changes.
        await sut.AnswerAsync(token, Q.Name, "Luna", answerId: "a-1");
        await sut.AnswerAsync(token, Q.Act, "band", answerId: "a-2");
        var view = await sut.AnswerAsync(token, null, null, back: true, answerId: "a-3");

        view.Step!.Question.Id.ShouldBe(Q.Act);
        view.State!.Answers.ShouldBe(new Dictionary<string, string> { [Q.Name] = "Luna" });
    }

    [Fact]
    public async Task Answer_AllSentTwiceWithTheirIds_CompletesOnce()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < SoloIndependent.Length; i++)
            {
                await sut.AnswerAsync(token, SoloIndependent[i].Question, SoloIndependent[i].Answer, answerId: $"op-{i}");
            }
        }

        (await _harness.EventsAsync()).OfType<SignupCompleted>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Answer_ConcurrentCopiesOfOneAnswer_AreTakenOnce()
    {
        var (_, token) = await ArtistAsync();
        var sut = Sut();
        for (var i = 0; i < SoloIndependent.Length - 1; i++)
        {
            await sut.AnswerAsync(token, SoloIndependent[i].Question, SoloIndependent[i].Answer, answerId: $"op-{i}");
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Sut().AnswerAsync(token, Q.Plan, "spark-monthly", answerId: "op-last"))));

        (await _harness.EventsAsync()).OfType<SignupCompleted>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Answer_AnIdAnotherInstanceClaimed_ChangesNothingHere()
    {
        var (artist, token) = await ArtistAsync();
        var sut = Sut();
        await sut.AnswerAsync(token, Q.Name, "Luna", answerId: "a-1");
        (await _harness.OneTime.TryConsumeAsync($"onboarding-answer:{artist.Id.Value}:a-2", Now.AddDays(1))).ShouldBeTrue(); // another instance, mid-way

        var view = await sut.AnswerAsync(token, Q.Act, "band", answerId: "a-2");

        view.Step!.Question.Id.ShouldBe(Q.Act);
        view.State!.Answers.ShouldNotContainKey(Q.Act);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x12345")]
    public void IsAnswerId_OnlyShortPlainIds(string id) => OnboardingForms.IsAnswerId(id).ShouldBeFalse();

    [Fact]
    public async Task View_CarriesTheFormsDescription_ForTheScriptOffline()
    {
        var (artist, token) = await ArtistAsync();
        await Sut().AnswerAsync(token, Q.Name, "Luna");

        var state = (await Sut().GetAsync(token)).State!;

        state.Questions.Select(q => q.Id).ShouldBe([Q.Name, Q.Act, Q.Members, Q.Deal, Q.Label, Q.Genre, Q.Country, Q.Goal, Q.Email, Q.Plan]);
        state.Answers.ShouldBe(new Dictionary<string, string> { [Q.Name] = "Luna" });
        state.Known[Q.Name].ShouldBe(artist.Name.Value);
    }

    [Fact]
    public async Task Push_OfferedOnlyWithAKey_AndOnlyOnceSignedUp()
    {
        var (_, token) = await ArtistAsync();
        (await PushOptIns().SubscribeAsync(token, Subscription)).ShouldBe(PushOptInStatus.NotOffered);
        _pushKey = PushKey;
        (await PushOptIns().SubscribeAsync(token, Subscription)).ShouldBe(PushOptInStatus.TooEarly);
        (await Sut().GetAsync(token)).PushKey.ShouldBe(PushKey);
    }

    [Fact]
    public async Task Push_AfterSignup_TheSubscriptionIsTheirWebPushContact_WithConsent_Once()
    {
        _pushKey = PushKey;
        var (artist, token) = await ArtistAsync();
        var sut = Sut();
        foreach (var (question, answer) in SoloIndependent)
        {
            await sut.AnswerAsync(token, question, answer);
        }

        (await PushOptIns().SubscribeAsync(token, Subscription)).ShouldBe(PushOptInStatus.Subscribed);
        (await PushOptIns().SubscribeAsync(token, Subscription)).ShouldBe(PushOptInStatus.AlreadySubscribed);

        var stored = (await _harness.Artists.GetAsync(artist.Id))!;
        var point = stored.ContactPoints.Single(c => c.Channel == ContactChannel.WebPush);
        point.Address.ShouldBe("""{"endpoint":"https://push.example.net/send/abc","keys":{"p256dh":"BOr2jAlFnWwHNWtxcPXx7Jse8lz1g0lLr2Sxf-3W84aAShk8q_pTv0kpcGZH7M3dr0xp1G0B7Q8hTpLzOdvAfwU","auth":"8eDyX_uCN0XRhSbY5hs7Hg"}}""");
        point.LawfulBasis.ShouldBe(LawfulBasis.Consent);
        var standing = await _harness.StandingAsync(artist.Id, point.Address);
        standing.Consents.ShouldHaveSingleItem().Channel.ShouldBe(ContactChannel.WebPush);
        (await _harness.EventsAsync()).OfType<ConsentGiven>().ShouldHaveSingleItem().Channel.ShouldBe(ContactChannel.WebPush);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"endpoint":"http://push.example.net/x","keys":{"p256dh":"BOr2jAlFnWwHNWtxcPXx7Jse8lz1g0lLr2Sxf-3W84aAShk8q_pTv0kpcGZH7M3dr0xp1G0B7Q8hTpLzOdvAfwU","auth":"8eDyX_uCN0XRhSbY5hs7Hg"}}""")]
    [InlineData("""{"endpoint":"https://push.example.net/x","keys":{"p256dh":"AAAA","auth":"8eDyX_uCN0XRhSbY5hs7Hg"}}""")]
    [InlineData("""{"endpoint":"https://push.example.net/x","keys":{"p256dh":"BOr2jAlFnWwHNWtxcPXx7Jse8lz1g0lLr2Sxf-3W84aAShk8q_pTv0kpcGZH7M3dr0xp1G0B7Q8hTpLzOdvAfwU"}}""")]
    [InlineData("""{"endpoint":42}""")]
    [InlineData("[]")]
    public void Push_NotASubscription_IsRefused(string json) => MonaSpark.Application.Landing.PushOptIns.Canonical(json).ShouldBeNull();
}
