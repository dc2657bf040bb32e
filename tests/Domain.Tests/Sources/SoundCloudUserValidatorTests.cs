using System.Text.Json.Nodes;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation.Sources;
using static MonaSpark.Domain.Tests.Sources.PayloadEdits;

namespace MonaSpark.Domain.Tests.Sources;

public class SoundCloudUserValidatorTests
{
    private const string Id = "19425524";

    /// <summary>The connector's envelope around shapes recorded from <c>/users/{id}</c> and <c>/users/{id}/tracks</c>.</summary>
    private static JsonObject Envelope() => JsonNode.Parse($$"""
        {"user":{"avatar_url":"https://i1.sndcdn.com/avatars-000123456789-abcdef-large.jpg","city":"Nantes","country":"France",
           "description":"Chanson — Nantes.","first_name":"Zélie","full_name":"Zélie Marée","id":{{Id}},"kind":"user",
           "permalink":"zeliemaree","permalink_url":"https://soundcloud.com/zeliemaree","followers_count":3120,"followings_count":80,
           "track_count":2,"username":"zeliemaree","website":"https://zeliemaree.fr/"},
         "tracks":[
           {"id":123456789,"kind":"track","title":"Marée basse","genre":"Chanson","playback_count":20000,"favoritings_count":310,"reposts_count":12},
           {"id":123456790,"kind":"track","title":"Les Quais","genre":"chanson","playback_count":5000,"favoritings_count":80,"reposts_count":3},
           {"id":123456791,"kind":"track","title":"Demo","genre":"Indie","playback_count":null}]}
        """)!.AsObject();

    private static Domain.Validation.ValidationResult<Domain.Validation.SourceProfile> Validate(JsonObject payload, string externalId = Id) =>
        new SoundCloudUserValidator().Validate(Record(SourceKind.SoundCloud, externalId, payload.ToJsonString()), Now);

    [Fact]
    public void Validate_RecordedEnvelope_SumsPlaysAndRanksGenres()
    {
        var sut = Validate(Envelope());

        sut.IsValid.ShouldBeTrue();
        var profile = sut.Value!;
        profile.ExternalId.ShouldBe(Id);
        profile.Name.ShouldBe("Zélie Marée");
        profile.Genres.ShouldBe(["chanson", "indie"]);
        profile.Profiles.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("https://soundcloud.com/zeliemaree");
        profile.Metrics.ShouldHaveSingleItem().ShouldBe(new Domain.Validation.ObservedMetric(SourceKind.SoundCloud, FetchedAt, 3120, 25000, null));
    }

    [Fact]
    public void Validate_NoFullNameNoTracks_UsesUsernameAndNoPlays()
    {
        var payload = Edit(Envelope(), "user.full_name", "");
        payload["tracks"] = new JsonArray();

        var sut = Validate(payload);

        sut.IsValid.ShouldBeTrue();
        sut.Value!.Name.ShouldBe("zeliemaree");
        sut.Value.Metrics.ShouldHaveSingleItem().Plays.ShouldBeNull();
    }

    [Theory]
    [InlineData("user", Remove, "$.user", "required")]
    [InlineData("user", "zelie", "$.user", "type")]
    [InlineData("user.id", Remove, "$.user.id", "required")]
    [InlineData("user.id", "19425524", "$.user.id", "type")]
    [InlineData("user.id", 0, "$.user.id", "range")]
    [InlineData("user.kind", "track", "$.user.kind", "format")]
    [InlineData("user.username", Remove, "$.user.username", "required")]
    [InlineData("user.permalink_url", "soundcloud.com/no-scheme", "$.user.permalink_url", "url")]
    [InlineData("user.permalink_url", "https://soundcloud.evil.example/zelie", "$.user.permalink_url", "url")]
    [InlineData("user.permalink_url", Remove, "$.user.permalink_url", "required")]
    [InlineData("user.avatar_url", "http://i1.sndcdn.com/a.jpg", "$.user.avatar_url", "url")]
    [InlineData("user.followers_count", -7, "$.user.followers_count", "range")]
    [InlineData("user.followers_count", Remove, "$.user.followers_count", "required")]
    [InlineData("tracks", Remove, "$.tracks", "required")]
    [InlineData("tracks", "none", "$.tracks", "type")]
    [InlineData("tracks[0].title", Remove, "$.tracks[0].title", "required")]
    [InlineData("tracks[0].id", "x", "$.tracks[0].id", "type")]
    [InlineData("tracks[0].playback_count", -1, "$.tracks[0].playback_count", "range")]
    [InlineData("tracks[0].favoritings_count", 1.5, "$.tracks[0].favoritings_count", "type")]
    [InlineData("tracks[0].reposts_count", -3, "$.tracks[0].reposts_count", "range")]
    public void Validate_BadField_ReportsFieldAndCode(string path, object? value, string field, string code)
    {
        Validate(Edit(Envelope(), path, value)).ShouldReport(field, code);
    }

    [Fact]
    public void Validate_TrackThatIsNotAnObject_ReportsType()
    {
        var payload = Envelope();
        payload["tracks"]!.AsArray().Add(42);

        Validate(payload).ShouldReport("$.tracks[3]", "type");
    }

    [Fact]
    public void Validate_TooManyTracks_ReportsLength()
    {
        var payload = Envelope();
        payload["tracks"] = new JsonArray(Enumerable.Range(1, 201).Select(i => (JsonNode)new JsonObject { ["id"] = i, ["title"] = "t" }).ToArray());

        Validate(payload).ShouldReport("$.tracks", "length");
    }

    [Fact]
    public void Validate_PayloadForAnotherUser_ReportsIdMismatch()
    {
        Validate(Envelope(), externalId: "3207").ShouldReport("$.user.id", "id-mismatch");
    }

    [Fact]
    public void Validate_TruncatedUserBodyLandedRaw_ReportsMalformedJson()
    {
        var raw = "{\"avatar_url\": \"https://i1.sndcdn.com/avatars-956089451446-h9jvmx-large.jpg\", \"city\": \"Paris\", \"created_at\": \"2016/12/0";

        new SoundCloudUserValidator().Validate(Record(SourceKind.SoundCloud, Id, raw), Now).ShouldReport("$", "malformed-json");
    }
}
