using MonaSpark.Domain.Onboarding;
using MonaSpark.TestKit;
using Q = MonaSpark.Domain.Onboarding.OnboardingQuestions;

namespace MonaSpark.Domain.Tests.Onboarding;

public sealed class OnboardingQuestionsTests
{
    private static readonly IReadOnlyList<Question> Questions = Q.For(["spark-monthly", "spark-yearly"]);

    [Fact]
    public void Next_ASoloIndependentArtist_IsNotAskedTheBandOrLabelQuestions()
    {
        var answers = new Dictionary<string, string>
        {
            [Q.Name] = "Luna", [Q.Act] = "solo", [Q.Deal] = "independent", [Q.Genre] = "pop", [Q.Country] = "FR", [Q.Goal] = "fans", [Q.Email] = "luna@example.com",
        };

        Q.Applicable(Questions, answers).Select(q => q.Id).ShouldBe([Q.Name, Q.Act, Q.Deal, Q.Genre, Q.Country, Q.Goal, Q.Email, Q.Plan]);
        Q.Next(Questions, answers)!.Id.ShouldBe(Q.Plan);
        answers[Q.Plan] = "spark-yearly";
        Q.Next(Questions, answers).ShouldBeNull();
    }

    [Fact]
    public void Next_ASignedBand_IsAskedHowManyAndWhichLabel_InOrder()
    {
        var answers = new Dictionary<string, string> { [Q.Name] = "The Tides", [Q.Act] = "band" };

        Q.Next(Questions, answers)!.Id.ShouldBe(Q.Members);
        answers[Q.Members] = "4";
        answers[Q.Deal] = "signed";
        Q.Next(Questions, answers)!.Id.ShouldBe(Q.Label);
        Q.Applicable(Questions, answers).Count.ShouldBe(10);
    }

    [Fact]
    public void Known_WhatTheProfileSays_IsOfferedForConfirmation()
    {
        var artist = Samples.Artist("luna");

        Q.Known(Questions.Single(q => q.Id == Q.Name), artist).ShouldBe(artist.Name.Value);
        Q.Known(Questions.Single(q => q.Id == Q.Genre), artist).ShouldBe("dream pop");
        Q.Known(Questions.Single(q => q.Id == Q.Country), artist).ShouldBe("FR");
        Q.Known(Questions.Single(q => q.Id == Q.Email), artist).ShouldBe("booking@luna.example");
        Q.Known(Questions.Single(q => q.Id == Q.Goal), artist).ShouldBeNull();
    }

    [Theory]
    [InlineData(Q.Name, "  Luna  ", "Luna", null)]
    [InlineData(Q.Name, "", null, "required")]
    [InlineData(Q.Name, "   ", null, "required")]
    [InlineData(Q.Name, "a\u0007b", null, "characters")]
    [InlineData(Q.Act, "band", "band", null)]
    [InlineData(Q.Act, "Band", null, "choice")]
    [InlineData(Q.Act, "<script>", null, "choice")]
    [InlineData(Q.Members, "4", "4", null)]
    [InlineData(Q.Members, "1", null, "number")]
    [InlineData(Q.Members, "31", null, "number")]
    [InlineData(Q.Members, "-3", null, "number")]
    [InlineData(Q.Members, "4.5", null, "number")]
    [InlineData(Q.Email, "luna@example.com", "luna@example.com", null)]
    [InlineData(Q.Email, "Luna <luna@example.com>", null, "email")]
    [InlineData(Q.Email, "luna@localhost", null, "email")]
    [InlineData(Q.Email, "not an address", null, "email")]
    [InlineData(Q.Country, "fr", "FR", null)]
    [InlineData(Q.Country, "ZZ", null, "country")]
    [InlineData(Q.Country, "France", null, "country")]
    [InlineData(Q.Plan, "spark-yearly", "spark-yearly", null)]
    [InlineData(Q.Plan, "free", null, "choice")]
    public void Validate_CleansOrSaysWhy(string id, string raw, string? value, string? error) =>
        Q.Validate(Questions.Single(q => q.Id == id), raw).ShouldBe((value, error));

    [Fact]
    public void Validate_TooLong_IsRefused() =>
        Q.Validate(Questions.Single(q => q.Id == Q.Name), new string('a', 81)).ShouldBe((null, "too-long"));
}
