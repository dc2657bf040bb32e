using System.Text.Json.Serialization;

namespace MonaSpark.Domain.Events;

/// <summary>
/// A business fact, appended to the journal in the same unit of work as the state change it
/// explains, and never edited. <see cref="StreamId"/> is the artist id (or another aggregate id):
/// it is the partition key on Event Hubs. Events carry ids and figures, not personal data beyond
/// what the stream needs, so an erasure can leave a tombstone without personal data.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SourceRecordIngested), nameof(SourceRecordIngested))]
[JsonDerivedType(typeof(RecordQuarantined), nameof(RecordQuarantined))]
[JsonDerivedType(typeof(ArtistDiscovered), nameof(ArtistDiscovered))]
[JsonDerivedType(typeof(ProfileEnriched), nameof(ProfileEnriched))]
[JsonDerivedType(typeof(ArtistMerged), nameof(ArtistMerged))]
[JsonDerivedType(typeof(ArtistUnmerged), nameof(ArtistUnmerged))]
[JsonDerivedType(typeof(MetricsObserved), nameof(MetricsObserved))]
[JsonDerivedType(typeof(LeadScored), nameof(LeadScored))]
[JsonDerivedType(typeof(LeadQualified), nameof(LeadQualified))]
[JsonDerivedType(typeof(OutreachSent), nameof(OutreachSent))]
[JsonDerivedType(typeof(LinkClicked), nameof(LinkClicked))]
[JsonDerivedType(typeof(LandingViewed), nameof(LandingViewed))]
[JsonDerivedType(typeof(SignupCompleted), nameof(SignupCompleted))]
[JsonDerivedType(typeof(PaymentSucceeded), nameof(PaymentSucceeded))]
[JsonDerivedType(typeof(OptedOut), nameof(OptedOut))]
[JsonDerivedType(typeof(DataErased), nameof(DataErased))]
[JsonDerivedType(typeof(ModelTrained), nameof(ModelTrained))]
[JsonDerivedType(typeof(ModelPromoted), nameof(ModelPromoted))]
[JsonDerivedType(typeof(JourneyStarted), nameof(JourneyStarted))]
[JsonDerivedType(typeof(JourneyEnded), nameof(JourneyEnded))]
[JsonDerivedType(typeof(OutreachCancelled), nameof(OutreachCancelled))]
[JsonDerivedType(typeof(OutreachDeferred), nameof(OutreachDeferred))]
[JsonDerivedType(typeof(OutreachFailed), nameof(OutreachFailed))]
[JsonDerivedType(typeof(CheckoutOpened), nameof(CheckoutOpened))]
[JsonDerivedType(typeof(CheckoutVoided), nameof(CheckoutVoided))]
[JsonDerivedType(typeof(UpsellEvaluationScheduled), nameof(UpsellEvaluationScheduled))]
[JsonDerivedType(typeof(SenderPaused), nameof(SenderPaused))]
[JsonDerivedType(typeof(MessageReceived), nameof(MessageReceived))]
[JsonDerivedType(typeof(OnboardingStarted), nameof(OnboardingStarted))]
[JsonDerivedType(typeof(DeliveryReported), nameof(DeliveryReported))]
[JsonDerivedType(typeof(ConsentGiven), nameof(ConsentGiven))]
[JsonDerivedType(typeof(PlanChangeRequested), nameof(PlanChangeRequested))]
[JsonDerivedType(typeof(ErasureRequested), nameof(ErasureRequested))]
public abstract record DomainEvent(string StreamId, DateTimeOffset OccurredAt)
{
    /// <summary>The event's type name, as stored in the journal.</summary>
    [JsonIgnore]
    public string EventType => GetType().Name;
}
