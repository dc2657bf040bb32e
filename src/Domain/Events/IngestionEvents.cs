using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Events;

/// <summary>A raw record landed and is waiting for validation.</summary>
public sealed record SourceRecordIngested(string StreamId, DateTimeOffset OccurredAt, string SourceRecordId, SourceKind Source)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A record failed validation and was quarantined with its reason codes.</summary>
public sealed record RecordQuarantined(string StreamId, DateTimeOffset OccurredAt, string SourceRecordId, SourceKind Source, IReadOnlyList<string> ReasonCodes)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A new artist was created from a valid record.</summary>
public sealed record ArtistDiscovered(string StreamId, DateTimeOffset OccurredAt, string SourceRecordId, SourceKind Source)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>An existing artist's profile gained or changed fields from a record.</summary>
public sealed record ProfileEnriched(string StreamId, DateTimeOffset OccurredAt, string SourceRecordId, IReadOnlyList<string> Fields)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>Two artists were found to be one; <see cref="DomainEvent.StreamId"/> is the survivor.</summary>
public sealed record ArtistMerged(string StreamId, DateTimeOffset OccurredAt, string MergedArtistId, double Confidence)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>Audience figures were observed on a platform.</summary>
public sealed record MetricsObserved(string StreamId, DateTimeOffset OccurredAt, SourceKind Platform, long Followers, DateTimeOffset ObservedAt)
    : DomainEvent(StreamId, OccurredAt);
