namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// One broken guardrail: a stable <see cref="Code"/> (<see cref="CopyViolationCodes"/>) for counting and
/// a message a writer can act on. Messages may quote the draft, never the profile's private data.
/// </summary>
public sealed record CopyViolation(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
