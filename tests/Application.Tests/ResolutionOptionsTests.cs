using System.ComponentModel.DataAnnotations;
using MonaSpark.Application.Options;

namespace MonaSpark.Application.Tests;

public class ResolutionOptionsTests
{
    private static List<ValidationResult> Validate(ResolutionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreValidAndDocumented()
    {
        var sut = new ResolutionOptions();

        Validate(sut).ShouldBeEmpty();
        sut.AutoMergeThreshold.ShouldBe(0.85);
        sut.ReviewThreshold.ShouldBe(0.6);
        ResolutionOptions.SectionName.ShouldBe("MonaSpark:Resolution");
    }

    [Fact]
    public void Validate_ReviewAboveAutoMerge_Fails() =>
        Validate(new ResolutionOptions { AutoMergeThreshold = 0.5, ReviewThreshold = 0.7 }).ShouldHaveSingleItem().MemberNames.ShouldContain("ReviewThreshold");

    [Fact]
    public void Validate_ThresholdOutOfRange_Fails() =>
        Validate(new ResolutionOptions { AutoMergeThreshold = 1.5 }).ShouldNotBeEmpty();
}
