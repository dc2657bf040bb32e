namespace MonaSpark.Domain.Sources;

/// <summary>An invalid record, kept with its raw payload and every reason it was refused.</summary>
public sealed record QuarantinedRecord(
    string SourceRecordId,
    SourceKind Source,
    string ExternalId,
    string Payload,
    IReadOnlyList<ValidationFailure> Reasons,
    DateTimeOffset QuarantinedAt);

/// <summary>One reason a record was refused: the field and a stable reason code with a message.</summary>
/// <param name="Field">JSON path of the field, e.g. <c>$.followers</c>.</param>
/// <param name="Code">A stable code used for counting (e.g. <c>required</c>, <c>range</c>, <c>url</c>).</param>
/// <param name="Message">Plain words for a person.</param>
public sealed record ValidationFailure(string Field, string Code, string Message);
