using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>Strict validation of one source's documented payload shape into a <see cref="SourceProfile"/>.</summary>
public interface ISourceValidator
{
    SourceKind Source { get; }

    /// <summary>Every failure, not just the first; a valid payload maps to a profile.</summary>
    ValidationResult<SourceProfile> Validate(string payload, DateTimeOffset now);
}
