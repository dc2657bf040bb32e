using System.Text.Json.Nodes;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests;

public class ImportRecordValidatorTests
{
    private static readonly DateTimeOffset Now = Samples.Epoch;

    internal static JsonObject ValidRecord() => new()
    {
        ["id"] = "imp-001",
        ["name"] = "  Zélie Marée ",
        ["bio"] = "Chanson from Nantes.",
        ["country"] = "fr",
        ["genres"] = new JsonArray("Chanson", "indie pop", "chanson"),
        ["imageUrl"] = "https://images.example/zelie.jpg",
        ["email"] = "booking@zelie.example",
        ["profiles"] = new JsonArray(new JsonObject { ["platform"] = "spotify", ["id"] = "sp1", ["url"] = "https://open.spotify.com/artist/sp1" }),
        ["metrics"] = new JsonArray(new JsonObject { ["platform"] = "spotify", ["observedAt"] = "2026-10-30T00:00:00Z", ["followers"] = 1200, ["popularity"] = 33 }),
        ["observedAt"] = "2026-10-31T10:00:00Z",
    };

    private static IReadOnlyList<ValidationFailure> FailuresOf(JsonObject record) =>
        ImportRecordValidator.Validate(record.ToJsonString(), Now).Failures;

    [Fact]
    public void Validate_ValidRecord_ReturnsTypedProfile()
    {
        var sut = ImportRecordValidator.Validate(ValidRecord().ToJsonString(), Now);

        sut.IsValid.ShouldBeTrue();
        var profile = sut.Value!;
        profile.Name.ShouldBe("Zélie Marée");
        profile.Country!.Value.Value.ShouldBe("FR");
        profile.Genres.ShouldBe(["chanson", "indie pop"]);
        profile.BusinessEmail.ShouldBe("booking@zelie.example");
        profile.Profiles.ShouldHaveSingleItem().Platform.ShouldBe(SourceKind.Spotify);
        profile.Metrics.ShouldHaveSingleItem().Followers.ShouldBe(1200);
        profile.ObservedAt.ShouldBe(new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("name", null, "$.name", "required")]
    [InlineData("name", "   ", "$.name", "required")]
    [InlineData("name", 42, "$.name", "type")]
    [InlineData("country", "FRA", "$.country", "length")]
    [InlineData("country", "F1", "$.country", "format")]
    [InlineData("email", "not-an-email", "$.email", "email")]
    [InlineData("imageUrl", "http://images.example/x.jpg", "$.imageUrl", "url")]
    [InlineData("imageUrl", "javascript:alert(1)", "$.imageUrl", "url")]
    [InlineData("observedAt", "yesterday", "$.observedAt", "format")]
    [InlineData("observedAt", "2026-12-31T00:00:00Z", "$.observedAt", "future-date")]
    [InlineData("id", "a b", "$.id", "format")]
    public void Validate_BadField_ReportsFieldAndCode(string property, object? value, string field, string code)
    {
        var record = ValidRecord();
        record[property] = value is null ? null : JsonValue.Create(value);
        if (value is null)
        {
            record.Remove(property);
        }

        FailuresOf(record).ShouldContain(f => f.Field == field && f.Code == code);
    }

    [Fact]
    public void Validate_ProfileOnWrongHost_IsRefused()
    {
        var record = ValidRecord();
        record["profiles"]![0]!["url"] = "https://evil.example/artist/sp1";

        FailuresOf(record).ShouldContain(f => f.Field == "$.profiles[0].url" && f.Code == "url");
    }

    [Fact]
    public void Validate_UnknownPlatformAndNegativeFollowers_ReportsEveryReason()
    {
        var record = ValidRecord();
        record["profiles"]![0]!["platform"] = "myspace";
        record["metrics"]![0]!["followers"] = -1;
        record.Remove("name");

        var failures = FailuresOf(record);

        failures.Select(f => f.Code).ShouldBe(["required", "unknown-platform", "range"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_FractionalFollowers_IsATypeError()
    {
        var record = ValidRecord();
        record["metrics"]![0]!["followers"] = 12.5;

        FailuresOf(record).ShouldContain(f => f.Field == "$.metrics[0].followers" && f.Code == "type");
    }

    [Theory]
    [InlineData("{\"id\":\"x\",")]
    [InlineData("not json")]
    public void Validate_MalformedJson_IsOneClearReason(string payload) =>
        ImportRecordValidator.Validate(payload, Now).Failures.ShouldHaveSingleItem().Code.ShouldBe("malformed-json");

    [Fact]
    public void Validate_NotAnObject_IsATypeError() =>
        ImportRecordValidator.Validate("[1,2]", Now).Failures.ShouldHaveSingleItem().Code.ShouldBe("type");

    [Fact]
    public void Validate_OversizedPayload_IsRefusedUnread() =>
        ImportRecordValidator.Validate(new string(' ', SourceRecord.MaxPayloadLength + 1), Now).Failures.ShouldHaveSingleItem().Code.ShouldBe("size");

    [Fact]
    public void Validate_ControlCharactersInName_AreRefused()
    {
        var record = ValidRecord();
        record["name"] = "Bad\u0007Bell";

        FailuresOf(record).ShouldContain(f => f.Field == "$.name" && f.Code == "format");
    }

    [Fact]
    public void Validate_TooManyGenres_IsALengthError()
    {
        var record = ValidRecord();
        record["genres"] = new JsonArray(Enumerable.Range(0, ImportRecordValidator.MaxGenres + 1).Select(i => (JsonNode)JsonValue.Create($"g{i}")).ToArray());

        FailuresOf(record).ShouldContain(f => f.Field == "$.genres" && f.Code == "length");
    }
}
