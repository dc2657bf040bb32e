using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Copywriting;

/// <summary>One rejected attempt: which writer, which attempt of that writer (1-based), and why.</summary>
public sealed record CopyRejection(string Writer, int Attempt, IReadOnlyList<CopyViolation> Violations);
