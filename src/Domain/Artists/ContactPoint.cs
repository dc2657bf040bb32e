using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Artists;

/// <summary>
/// A way to reach an artist. Only professional contact data the artist published is collected; each
/// contact point records where it was found and the lawful basis for using it.
/// </summary>
public sealed record ContactPoint(
    ContactChannel Channel,
    string Address,
    LawfulBasis LawfulBasis,
    bool IsBusinessContact,
    Provenance Provenance);

/// <summary>Outreach channels.</summary>
public enum ContactChannel
{
    Email = 0,
    Sms = 1,
    WebPush = 2,
    DirectMessage = 3,
}

/// <summary>GDPR Art. 6 lawful basis for processing a contact point.</summary>
public enum LawfulBasis
{
    /// <summary>Art. 6(1)(f): a business contact the artist published for professional enquiries.</summary>
    LegitimateInterest = 0,
    /// <summary>Art. 6(1)(a): opt-in given by the person.</summary>
    Consent = 1,
    /// <summary>Art. 6(1)(b): needed to perform a contract (a paying customer).</summary>
    Contract = 2,
}
