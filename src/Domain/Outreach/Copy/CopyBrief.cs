using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// Everything a draft is written from and judged against: the channel, language and angle, the
/// profile facts (the only facts a draft may state), the public sources they came from, who is
/// writing and the links the draft may carry. The profile text is untrusted data: writers may read
/// it for tone, drafts must not repeat it.
/// </summary>
public sealed record CopyBrief
{
    public required ArtistId ArtistId { get; init; }

    public required ContactChannel Channel { get; init; }

    /// <summary><see cref="CopyLanguage.English"/> or <see cref="CopyLanguage.French"/>.</summary>
    public required string Language { get; init; }

    public required CopyVariant Variant { get; init; }

    /// <summary>True for the first message to this artist: it must carry the full Art. 14 notice.</summary>
    public required bool FirstContact { get; init; }

    /// <summary>Profile facts by key (<see cref="CopyFacts"/>), values already clean plain text.</summary>
    public required IReadOnlyDictionary<string, string> Facts { get; init; }

    /// <summary>The public platforms the artist's data came from, named in the notice.</summary>
    public required IReadOnlyList<SourceKind> Sources { get; init; }

    public required SenderIdentity Sender { get; init; }

    public required CopyLinks Links { get; init; }

    /// <summary>Scraped profile text (the bio), cleaned and bounded: data, never instructions.</summary>
    public string ProfileText { get; init; } = string.Empty;

    /// <summary>The length rules of <see cref="Channel"/>.</summary>
    public ChannelLimits Limits => ChannelLimits.For(Channel);

    /// <summary>The notice this draft must end with (<see cref="PrivacyNotice.For"/>).</summary>
    public string Notice => PrivacyNotice.For(this);
}
