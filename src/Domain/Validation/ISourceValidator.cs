using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>Strict validation of one source's documented payload shape into a <see cref="SourceProfile"/>.</summary>
public interface ISourceValidator
{
    SourceKind Source { get; }

    /// <summary>
    /// Every failure, not just the first; a valid payload maps to a profile. Figures without a time
    /// of their own were observed at the record's <see cref="SourceRecord.FetchedAt"/>; nothing may
    /// be dated after <paramref name="now"/> (plus clock skew).
    /// </summary>
    ValidationResult<SourceProfile> Validate(SourceRecord record, DateTimeOffset now);
}
