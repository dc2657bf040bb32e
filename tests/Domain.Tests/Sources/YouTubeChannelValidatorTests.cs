using System.Text.Json.Nodes;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation.Sources;
using static MonaSpark.Domain.Tests.Sources.PayloadEdits;

namespace MonaSpark.Domain.Tests.Sources;

public class YouTubeChannelValidatorTests
{
    private const string Id = "UCrDkAvwZum-UTjHmzDI2iIw";

    /// <summary>Shape recorded from <c>channels.list?part=snippet,statistics</c>: counts are strings.</summary>
    private static JsonObject Channel() => JsonNode.Parse($$$"""
        {"kind":"youtube#channel","etag":"uT0H2v3Lr6u4Xj9QmM1cQx0aBcD","id":"{{{Id}}}",
         "snippet":{"title":"Zelie Maree","description":"Chaîne officielle.\nSite : https://zeliemaree.fr","customUrl":"@zeliemaree",
           "publishedAt":"2016-03-02T10:11:12Z","thumbnails":{"default":{"url":"https://yt3.ggpht.com/abc=s88-c-k-c0x00ffffff-no-rj","width":88,"height":88},
           "high":{"url":"https://yt3.ggpht.com/abc=s800-c-k-c0x00ffffff-no-rj","width":800,"height":800}},
           "localized":{"title":"Zelie Maree","description":"Chaîne officielle."},"country":"fr"},
         "statistics":{"viewCount":"1834000","subscriberCount":"15400","hiddenSubscriberCount":false,"videoCount":"42"}}
        """)!.AsObject();

    private static Domain.Validation.ValidationResult<Domain.Validation.SourceProfile> Validate(JsonObject payload, string externalId = Id) =>
        new YouTubeChannelValidator().Validate(Record(SourceKind.YouTube, externalId, payload.ToJsonString()), Now);

    [Fact]
    public void Validate_RecordedChannel_MapsStringCountsToOneMetric()
    {
        var sut = Validate(Channel());

        sut.IsValid.ShouldBeTrue();
        var profile = sut.Value!;
        profile.Name.ShouldBe("Zelie Maree");
        profile.Country!.Value.Value.ShouldBe("FR");
        profile.Bio!.ShouldContain("zeliemaree.fr");
        profile.ImageUrl!.AbsoluteUri.ShouldContain("s800");
        profile.Profiles.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe($"https://www.youtube.com/channel/{Id}");
        profile.Metrics.ShouldHaveSingleItem().ShouldBe(new Domain.Validation.ObservedMetric(SourceKind.YouTube, FetchedAt, 15400, 1834000, null));
    }

    [Fact]
    public void Validate_HiddenSubscriberCount_IsValidWithoutMetric()
    {
        var payload = Edit(Edit(Channel(), "statistics.subscriberCount", Remove), "statistics.hiddenSubscriberCount", true);

        var sut = Validate(payload);

        sut.IsValid.ShouldBeTrue();
        sut.Value!.Metrics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("kind", "youtube#video", "$.kind", "format")]
    [InlineData("kind", Remove, "$.kind", "required")]
    [InlineData("id", "UC-too-short", "$.id", "format")]
    [InlineData("id", "XX" + "rDkAvwZum-UTjHmzDI2iIw", "$.id", "format")]
    [InlineData("snippet", Remove, "$.snippet", "required")]
    [InlineData("snippet.title", Remove, "$.snippet.title", "required")]
    [InlineData("snippet.title", 12, "$.snippet.title", "type")]
    [InlineData("snippet.country", "FRA", "$.snippet.country", "length")]
    [InlineData("snippet.country", "F1", "$.snippet.country", "format")]
    [InlineData("snippet.thumbnails.high.url", "javascript:alert(1)", "$.snippet.thumbnails.high.url", "url")]
    [InlineData("statistics", Remove, "$.statistics", "required")]
    [InlineData("statistics.subscriberCount", 15400, "$.statistics.subscriberCount", "type")]
    [InlineData("statistics.subscriberCount", "15,4k", "$.statistics.subscriberCount", "format")]
    [InlineData("statistics.subscriberCount", "-40", "$.statistics.subscriberCount", "range")]
    [InlineData("statistics.subscriberCount", Remove, "$.statistics.subscriberCount", "required")]
    [InlineData("statistics.viewCount", "-1", "$.statistics.viewCount", "range")]
    [InlineData("statistics.hiddenSubscriberCount", "no", "$.statistics.hiddenSubscriberCount", "type")]
    public void Validate_BadField_ReportsFieldAndCode(string path, object? value, string field, string code)
    {
        Validate(Edit(Channel(), path, value)).ShouldReport(field, code);
    }

    [Fact]
    public void Validate_DescriptionTooLong_ReportsLength()
    {
        Validate(Edit(Channel(), "snippet.description", new string('x', 4001))).ShouldReport("$.snippet.description", "length");
    }

    [Fact]
    public void Validate_PayloadForAnotherChannel_ReportsIdMismatch()
    {
        Validate(Channel(), externalId: "UCaaaaaaaaaaaaaaaaaaaaaa").ShouldReport("$.id", "id-mismatch");
    }

    [Fact]
    public void Validate_MalformedJson_ReportsMalformedJson()
    {
        new YouTubeChannelValidator().Validate(Record(SourceKind.YouTube, Id, "{\"kind\":"), Now).ShouldReport("$", "malformed-json");
    }
}
