using MonaSpark.Adapters.Copywriting.Templates;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Copywriting.Tests;

public class TemplateCopywriterTests
{
    private readonly TemplateCopywriter _sut = new();

    /// <summary>Profiles the templates must handle: full, bare, a long non-GSM name, digits in the name.</summary>
    public static IEnumerable<string> Profiles => ["full", "bare", "long-name", "digits"];

    private static (Artist Artist, IReadOnlyList<MetricSnapshot> History) Profile(string kind)
    {
        var artist = Samples.Artist(kind);
        return kind switch
        {
            "full" => (artist, CopySamples.History(artist.Id)),
            "bare" => (artist with { Genres = null, Country = null, Profiles = [] }, []),
            "long-name" => (artist with { Name = artist.Name with { Value = string.Concat(Enumerable.Repeat("Œuvre Ægir — Ĳssel ", 8)) } }, CopySamples.History(artist.Id)),
            "digits" => (artist with { Name = artist.Name with { Value = "Blink-182 Tribute" } }, CopySamples.History(artist.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public static TheoryData<string, ContactChannel, string, bool, string> EveryTemplate()
    {
        var data = new TheoryData<string, ContactChannel, string, bool, string>();
        foreach (var language in CopyLanguage.Supported)
        {
            foreach (var channel in Enum.GetValues<ContactChannel>())
            {
                foreach (var variant in CopyVariant.All)
                {
                    foreach (var profile in Profiles)
                    {
                        data.Add(language, channel, variant.Id, false, profile);
                        if (channel != ContactChannel.WebPush)
                        {
                            data.Add(language, channel, variant.Id, true, profile);
                        }
                    }
                }
            }
        }

        return data;
    }

    private static CopyBrief Brief(string language, ContactChannel channel, string variant, bool firstContact, string profile)
    {
        var (artist, history) = Profile(profile);
        return CopySamples.Brief(channel, language, firstContact, CopyVariant.Find(variant), artist: artist, history: history);
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public async Task DraftAsync_EveryTemplateForEveryProfile_PassesTheGuardrails(string language, ContactChannel channel, string variant, bool firstContact, string profile)
    {
        var brief = Brief(language, channel, variant, firstContact, profile);

        var draft = await _sut.DraftAsync(new CopyRequest(brief, []));

        CopyGuard.Check(brief, draft.Subject, draft.Body).ShouldBeEmpty($"{draft.Subject}\n---\n{draft.Body}");
    }

    [Fact]
    public async Task DraftAsync_SubstitutesTheFacts()
    {
        var brief = CopySamples.Brief(variant: CopyVariant.Momentum);

        var draft = await _sut.DraftAsync(new CopyRequest(brief, []));

        draft.Body.ShouldContain(Samples.Artist().Name.Value);
        draft.Body.ShouldContain("+38%");
        draft.Body.ShouldContain("13,800");
        draft.Body.ShouldContain(CopySamples.Links.Landing.AbsoluteUri);
        draft.Body.ShouldEndWith(brief.Notice);
    }

    [Fact]
    public async Task DraftAsync_SameArtistAndVariant_GivesTheSameDraft()
    {
        var brief = CopySamples.Brief();

        var first = await _sut.DraftAsync(new CopyRequest(brief, []));
        var again = await _sut.DraftAsync(new CopyRequest(brief, [new CopyViolation("x", "feedback changes nothing")]));

        again.ShouldBe(first);
    }

    [Fact]
    public async Task DraftAsync_ManyArtists_GetVariedWording()
    {
        var drafts = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var artist = Samples.Artist($"a{i}") with { Name = Samples.Artist().Name };
            drafts.Add((await _sut.DraftAsync(new CopyRequest(CopySamples.Brief(artist: artist), []))).Body);
        }

        drafts.Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task DraftAsync_LongNameOnSms_DropsOptionalSentencesToFit()
    {
        var brief = Brief(CopyLanguage.French, ContactChannel.Sms, "momentum", true, "long-name");

        var draft = await _sut.DraftAsync(new CopyRequest(brief, []));

        SmsSegments.Count(draft.Body).ShouldBeLessThanOrEqualTo(4);
        draft.Body.ShouldNotContain("Œuvre"); // the name was the last optional block to go
        draft.Body.ShouldContain(CopySamples.Links.Landing.AbsoluteUri);
    }

    [Fact]
    public async Task DraftAsync_FactsMissing_LeavesTheirSentencesOut()
    {
        var brief = Brief(CopyLanguage.English, ContactChannel.Email, "momentum", true, "bare");

        var draft = await _sut.DraftAsync(new CopyRequest(brief, []));

        draft.Body.ShouldNotContain("grew by");
        draft.Body.ShouldNotContain("{");
        draft.Subject.ShouldNotContain("{");
    }

    [Fact]
    public async Task DraftAsync_SubjectOverTheLimit_IsCutAtAWord()
    {
        // Both push titles name the company: with a 55-character company, either is past the 50-character limit.
        var brief = CopySamples.Brief(ContactChannel.WebPush, firstContact: false, variant: CopyVariant.Intro)
            with { Sender = new SenderIdentity(string.Concat(Enumerable.Repeat("Company ", 7)).Trim(), "Artist Relations") };

        var draft = await _sut.DraftAsync(new CopyRequest(brief, []));

        PlainText.Length(draft.Subject).ShouldBeLessThanOrEqualTo(50);
        draft.Subject.ShouldEndWith("…");
        CopyGuard.Check(brief, draft.Subject, draft.Body).ShouldNotContain(v => v.Code == CopyViolationCodes.SubjectTooLong);
    }
}
