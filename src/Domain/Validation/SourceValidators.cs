using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>Picks the validator for a record's source; a source without one is quarantined, never guessed.</summary>
public sealed class SourceValidators
{
    private readonly Dictionary<SourceKind, ISourceValidator> _validators;

    public SourceValidators(IEnumerable<ISourceValidator> validators) =>
        _validators = validators.ToDictionary(v => v.Source);

    public IReadOnlyCollection<SourceKind> Sources => _validators.Keys;

    public ValidationResult<SourceProfile> Validate(SourceRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Payload.Length > SourceRecord.MaxPayloadLength)
        {
            return ValidationResult<SourceProfile>.Invalid([new ValidationFailure("$", "size", $"The record is larger than {SourceRecord.MaxPayloadLength} characters.")]);
        }

        return _validators.TryGetValue(record.Source, out var validator)
            ? validator.Validate(record, now)
            : ValidationResult<SourceProfile>.Invalid([new ValidationFailure("$", "unsupported-source", $"No validator for source '{record.Source}'.")]);
    }
}
