using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Copywriting;

/// <summary>What to draft: for which artist, on which channel, with which link token.</summary>
/// <param name="LinkToken">The token of the artist's landing and unsubscribe pages (<c>/l/{token}</c>, <c>/u/{token}</c>).</param>
/// <param name="FirstContact">True for the first message: it carries the full Art. 14 notice.</param>
/// <param name="VariantId">The angle (<c>intro</c>, <c>momentum</c>, <c>followup</c>); null picks the default for the facts.</param>
public sealed record DraftCopyCommand(ArtistId ArtistId, ContactChannel Channel, string LinkToken, bool FirstContact = true, string? VariantId = null);
