using System.Text.Json.Nodes;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation.Sources;
using static MonaSpark.Domain.Tests.Sources.PayloadEdits;

namespace MonaSpark.Domain.Tests.Sources;

public class InstagramBusinessValidatorTests
{
    private const string Id = "17841405309211844";

    /// <summary>Shape recorded from <c>business_discovery.username(…){…}</c>.</summary>
    private static JsonObject Account() => JsonNode.Parse($$"""
        {"username":"zelie.maree","name":"Zélie Marée","biography":"chanson · Nantes 🌙 nouveau single dispo","website":"https://zeliemaree.fr/",
         "followers_count":8450,"media_count":212,
         "profile_picture_url":"https://scontent-cdg4-1.cdninstagram.com/v/t51.2885-19/123456789_n.jpg?stp=dst-jpg_s150x150","id":"{{Id}}"}
        """)!.AsObject();

    private static Domain.Validation.ValidationResult<Domain.Validation.SourceProfile> Validate(JsonObject payload, string externalId = Id) =>
        new InstagramBusinessValidator().Validate(Record(SourceKind.Instagram, externalId, payload.ToJsonString()), Now);

    [Fact]
    public void Validate_RecordedAccount_MapsProfileLinkAndFollowers()
    {
        var sut = Validate(Account());

        sut.IsValid.ShouldBeTrue();
        var profile = sut.Value!;
        profile.Name.ShouldBe("Zélie Marée");
        profile.Bio.ShouldNotBeNull();
        profile.ImageUrl.ShouldNotBeNull();
        profile.Profiles.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("https://www.instagram.com/zelie.maree/");
        profile.Metrics.ShouldHaveSingleItem().ShouldBe(new Domain.Validation.ObservedMetric(SourceKind.Instagram, FetchedAt, 8450, null, null));
    }

    [Fact]
    public void Validate_NoNameAndHttpWebsite_UsesUsernameAndAcceptsWebsite()
    {
        var sut = Validate(Edit(Edit(Account(), "name", Remove), "website", "http://zeliemaree.fr"));

        sut.IsValid.ShouldBeTrue();
        sut.Value!.Name.ShouldBe("zelie.maree");
    }

    [Theory]
    [InlineData("id", Remove, "$.id", "required")]
    [InlineData("id", "abc", "$.id", "format")]
    [InlineData("username", Remove, "$.username", "required")]
    [InlineData("username", "zélie marée", "$.username", "format")]
    [InlineData("username", "a_username_longer_than_thirty_chars", "$.username", "length")]
    [InlineData("name", 3, "$.name", "type")]
    [InlineData("website", "javascript:alert(document.cookie)", "$.website", "url")]
    [InlineData("profile_picture_url", "ftp://cdn.example/p.jpg", "$.profile_picture_url", "url")]
    [InlineData("followers_count", -3, "$.followers_count", "range")]
    [InlineData("followers_count", "12,4k", "$.followers_count", "type")]
    [InlineData("followers_count", Remove, "$.followers_count", "required")]
    [InlineData("media_count", -1, "$.media_count", "range")]
    public void Validate_BadField_ReportsFieldAndCode(string path, object? value, string field, string code)
    {
        Validate(Edit(Account(), path, value)).ShouldReport(field, code);
    }

    [Fact]
    public void Validate_BiographyTooLong_ReportsLength()
    {
        Validate(Edit(Account(), "biography", new string('b', 2201))).ShouldReport("$.biography", "length");
    }

    [Fact]
    public void Validate_ControlCharacterInName_ReportsFormat()
    {
        Validate(Edit(Account(), "name", "Zélie\u0007")).ShouldReport("$.name", "format");
    }

    [Fact]
    public void Validate_PayloadForAnotherAccount_ReportsIdMismatch()
    {
        Validate(Account(), externalId: "17841400000000002").ShouldReport("$.id", "id-mismatch");
    }

    [Fact]
    public void Validate_HtmlErrorPageLandedRaw_ReportsMalformedJson()
    {
        new InstagramBusinessValidator().Validate(Record(SourceKind.Instagram, "zelie.maree", "<html>Sorry, something went wrong</html>"), Now).ShouldReport("$", "malformed-json");
    }
}
