using System.Text.Json.Nodes;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation.Sources;
using static MonaSpark.Domain.Tests.Sources.PayloadEdits;

namespace MonaSpark.Domain.Tests.Sources;

public class SpotifyArtistValidatorTests
{
    private const string Id = "4Z8W4fKeB5YxbusRsdQVPb";

    /// <summary>Shape recorded from <c>GET /v1/artists/{id}</c>.</summary>
    private static JsonObject Artist() => JsonNode.Parse($$"""
        {"external_urls":{"spotify":"https://open.spotify.com/artist/{{Id}}"},"followers":{"href":null,"total":12040},
         "genres":["Chanson","nouvelle chanson","chanson"],"href":"https://api.spotify.com/v1/artists/{{Id}}","id":"{{Id}}",
         "images":[{"url":"https://i.scdn.co/image/ab6761610000e5eb1a2b","height":640,"width":640},{"url":"https://i.scdn.co/image/ab676161000051741a2b","height":320,"width":320}],
         "name":" Zélie Marée ","popularity":41,"type":"artist","uri":"spotify:artist:{{Id}}"}
        """)!.AsObject();

    private static Domain.Validation.ValidationResult<Domain.Validation.SourceProfile> Validate(JsonObject payload, string externalId = Id) =>
        new SpotifyArtistValidator().Validate(Record(SourceKind.Spotify, externalId, payload.ToJsonString()), Now);

    [Fact]
    public void Validate_RecordedArtist_MapsProfileLinkAndOneMetric()
    {
        var sut = Validate(Artist());

        sut.IsValid.ShouldBeTrue();
        var profile = sut.Value!;
        profile.ExternalId.ShouldBe(Id);
        profile.Name.ShouldBe("Zélie Marée");
        profile.Genres.ShouldBe(["chanson", "nouvelle chanson"]);
        profile.ImageUrl!.AbsoluteUri.ShouldBe("https://i.scdn.co/image/ab6761610000e5eb1a2b");
        profile.Profiles.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe($"https://open.spotify.com/artist/{Id}");
        var metric = profile.Metrics.ShouldHaveSingleItem();
        metric.ShouldBe(new Domain.Validation.ObservedMetric(SourceKind.Spotify, FetchedAt, 12040, null, 41));
        profile.ObservedAt.ShouldBe(FetchedAt);
    }

    [Fact]
    public void Validate_NoPopularityNoImagesNoExternalUrls_StillValidWithBuiltLink()
    {
        var payload = Edit(Edit(Edit(Artist(), "popularity", Remove), "images", Remove), "external_urls", Remove);

        var sut = Validate(payload);

        sut.IsValid.ShouldBeTrue();
        sut.Value!.Metrics.ShouldHaveSingleItem().Popularity.ShouldBeNull();
        sut.Value.Profiles.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe($"https://open.spotify.com/artist/{Id}");
    }

    [Theory]
    [InlineData("name", Remove, "$.name", "required")]
    [InlineData("name", "  ", "$.name", "required")]
    [InlineData("name", 42, "$.name", "type")]
    [InlineData("id", Remove, "$.id", "required")]
    [InlineData("id", "not-base62!", "$.id", "format")]
    [InlineData("type", "album", "$.type", "format")]
    [InlineData("followers", Remove, "$.followers", "required")]
    [InlineData("followers", "many", "$.followers", "type")]
    [InlineData("followers.total", -212, "$.followers.total", "range")]
    [InlineData("followers.total", "12k", "$.followers.total", "type")]
    [InlineData("popularity", 101, "$.popularity", "range")]
    [InlineData("genres", "chanson", "$.genres", "type")]
    [InlineData("genres[0]", 7, "$.genres[0]", "type")]
    [InlineData("images[0].url", "http://i.scdn.co/image/insecure", "$.images[0].url", "url")]
    [InlineData("images[0].url", "javascript:alert(1)", "$.images[0].url", "url")]
    [InlineData("images[0].width", 0, "$.images[0].width", "range")]
    [InlineData("images", "none", "$.images", "type")]
    [InlineData("external_urls.spotify", "https://open.spotify.evil.example/artist/x", "$.external_urls.spotify", "url")]
    public void Validate_BadField_ReportsFieldAndCode(string path, object? value, string field, string code)
    {
        Validate(Edit(Artist(), path, value)).ShouldReport(field, code);
    }

    [Fact]
    public void Validate_NameTooLong_ReportsLength()
    {
        Validate(Edit(Artist(), "name", new string('a', 201))).ShouldReport("$.name", "length");
    }

    [Fact]
    public void Validate_TooManyGenres_ReportsLength()
    {
        var payload = Artist();
        payload["genres"] = new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode)$"g{i}").ToArray());

        Validate(payload).ShouldReport("$.genres", "length");
    }

    [Fact]
    public void Validate_PayloadForAnotherArtist_ReportsIdMismatch()
    {
        Validate(Artist(), externalId: "0TnOYISbd1XYRBk9myaseg").ShouldReport("$.id", "id-mismatch");
    }

    [Fact]
    public void Validate_TruncatedJson_ReportsMalformedJson()
    {
        var sut = new SpotifyArtistValidator().Validate(Record(SourceKind.Spotify, Id, Artist().ToJsonString()[..60]), Now);

        sut.ShouldReport("$", "malformed-json");
    }

    [Fact]
    public void Validate_JsonArray_ReportsType()
    {
        new SpotifyArtistValidator().Validate(Record(SourceKind.Spotify, Id, "[]"), Now).ShouldReport("$", "type");
    }

    [Fact]
    public void Validate_FetchedInTheFuture_ReportsFutureDate()
    {
        new SpotifyArtistValidator().Validate(Record(SourceKind.Spotify, Id, Artist().ToJsonString(), Now.AddDays(1)), Now).ShouldReport("$", "future-date");
    }

    [Fact]
    public void Validate_SeveralDefects_ReportsEveryOne()
    {
        var payload = Edit(Edit(Artist(), "name", Remove), "followers.total", -1);

        Validate(payload).Failures.Count.ShouldBe(2);
    }
}
