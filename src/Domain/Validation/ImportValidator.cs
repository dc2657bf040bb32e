using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>The import format (docs/import-format.md) as an <see cref="ISourceValidator"/>.</summary>
public sealed class ImportValidator : ISourceValidator
{
    public SourceKind Source => SourceKind.Import;

    public ValidationResult<SourceProfile> Validate(SourceRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ImportRecordValidator.Validate(record.Payload, now);
    }
}
