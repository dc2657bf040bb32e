using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Drafts outreach copy from a brief. Whatever a writer returns passes the core's guardrails
/// (<see cref="CopyGuard"/>) before use: a writer is trusted for style, never for facts or safety.
/// </summary>
public interface ICopywriter
{
    /// <summary>A short stable name for results and metric tags (<c>template</c>, <c>chat</c>).</summary>
    string Name { get; }

    /// <exception cref="MalformedDraftException">The writer's answer could not be read as a draft.</exception>
    Task<CopyDraft> DraftAsync(CopyRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to write (<see cref="CopyBrief"/>), and why the previous attempt was rejected, if it was.</summary>
public sealed record CopyRequest(CopyBrief Brief, IReadOnlyList<CopyViolation> Feedback);

/// <summary>A draft: subject (empty for SMS and DM) and body, the privacy notice included.</summary>
public sealed record CopyDraft(string Subject, string Body);
