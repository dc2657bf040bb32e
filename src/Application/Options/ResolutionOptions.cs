using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Application.Options;

/// <summary>
/// When a record that shares no platform id with a known artist is folded into one anyway. Section
/// <c>MonaSpark:Resolution</c>. Confidences come from <c>MatchScorer</c> (0–1).
/// </summary>
public sealed class ResolutionOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:Resolution";

    /// <summary>
    /// From this confidence the record joins the candidate (default 0.85: the same name needs the
    /// same country and a genre in common, or a shared link or e-mail).
    /// </summary>
    [Range(0.0, 1.0)]
    public double AutoMergeThreshold { get; set; } = 0.85;

    /// <summary>
    /// From this confidence (below <see cref="AutoMergeThreshold"/>) a new artist is created and the
    /// pair is put up for review (default 0.6: the same name with nothing against it).
    /// </summary>
    [Range(0.0, 1.0)]
    public double ReviewThreshold { get; set; } = 0.6;

    /// <summary>Candidates read per key (name, each link, e-mail) (default 20: common names stay cheap).</summary>
    [Range(1, 200)]
    public int MaxCandidates { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReviewThreshold > AutoMergeThreshold)
        {
            yield return new ValidationResult("ReviewThreshold must not be above AutoMergeThreshold.", [nameof(ReviewThreshold), nameof(AutoMergeThreshold)]);
        }
    }
}
