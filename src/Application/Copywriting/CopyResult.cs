using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Copywriting;

/// <summary>
/// The outcome of drafting: the brief written from, the draft that passed the guardrails and the
/// writer that produced it (both null when none passed), and every rejection on the way.
/// </summary>
public sealed record CopyResult(CopyBrief Brief, CopyDraft? Draft, string? Writer, IReadOnlyList<CopyRejection> Rejections)
{
    public bool Succeeded => Draft is not null;
}
