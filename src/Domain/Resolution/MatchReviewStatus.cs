namespace MonaSpark.Domain.Resolution;

/// <summary>Where a possible duplicate is in review.</summary>
public enum MatchReviewStatus
{
    Pending = 0,

    /// <summary>A person confirmed the two are one artist; they were merged.</summary>
    Accepted = 1,

    /// <summary>A person said they are two artists; the pair is never proposed again.</summary>
    Rejected = 2,
}
