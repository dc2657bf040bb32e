using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Ports;

/// <summary>Drafts outreach copy for an artist. Drafts pass the core's guardrails before use.</summary>
public interface ICopywriter
{
    Task<CopyDraft> DraftAsync(CopyRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to write: for whom, on which channel, in which language, in which variant.</summary>
public sealed record CopyRequest(Artist Artist, Variant Variant, ContactChannel Channel, string Language, IReadOnlyDictionary<string, string> Facts);

/// <summary>A draft: subject (empty for SMS/DM) and body, with the writer that produced it.</summary>
public sealed record CopyDraft(string Subject, string Body, string Writer);
