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
/// <param name="MatchConfidence">
/// How sure resolution was that the record is this artist: 1 for a shared platform id or the
/// record's own artist, the <c>MatchScorer</c> confidence for a match by link, e-mail or name.
/// </param>
public sealed record ProfileEnriched(string StreamId, DateTimeOffset OccurredAt, string SourceRecordId, IReadOnlyList<string> Fields, double MatchConfidence = 1.0)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>Two artists were found to be one; <see cref="DomainEvent.StreamId"/> is the survivor.</summary>
public sealed record ArtistMerged(string StreamId, DateTimeOffset OccurredAt, string MergedArtistId, double Confidence)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A merge was undone: <see cref="DomainEvent.StreamId"/> was rebuilt from its own records and <paramref name="UnmergedArtistId"/> restored.</summary>
public sealed record ArtistUnmerged(string StreamId, DateTimeOffset OccurredAt, string UnmergedArtistId)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>Audience figures were observed on a platform.</summary>
public sealed record MetricsObserved(string StreamId, DateTimeOffset OccurredAt, SourceKind Platform, long Followers, DateTimeOffset ObservedAt)
    : DomainEvent(StreamId, OccurredAt);
