namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The angle of a message, shared by every writer: the template engine has texts for it, the chat
/// writer gets <see cref="Instruction"/>. A campaign variant's template key names one.
/// </summary>
/// <param name="Id">Stable id (<c>intro</c>, <c>momentum</c>, <c>followup</c>).</param>
/// <param name="Instruction">What the message should do, in one sentence for a writer.</param>
public sealed record CopyVariant(string Id, string Instruction)
{
    public static readonly CopyVariant Intro = new("intro", "Introduce the sender and the service, and mention the artist's audience on their main platform.");

    public static readonly CopyVariant Momentum = new("momentum", "Open with the artist's recent growth, then offer help to keep the momentum.");

    public static readonly CopyVariant FollowUp = new("followup", "A short, polite follow-up to an earlier message that got no answer.");

    public static readonly IReadOnlyList<CopyVariant> All = [Intro, Momentum, FollowUp];

    /// <summary>The variant with <paramref name="id"/> (ordinal, case-insensitive), or null.</summary>
    public static CopyVariant? Find(string? id) => All.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The default angle: a follow-up after the first contact; otherwise momentum when the facts show
    /// growth (<see cref="CopyFacts.GrowthRate"/>), else the introduction. Deterministic.
    /// </summary>
    public static CopyVariant DefaultFor(bool firstContact, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return !firstContact ? FollowUp : facts.ContainsKey(CopyFacts.GrowthRate) ? Momentum : Intro;
    }
}
