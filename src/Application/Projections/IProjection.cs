using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Projections;

/// <summary>
/// A read model derived from the journal: which rows an event touches, and how it changes each.
/// Pure: the same events in the same order give the same rows, so a rebuild from nothing gives
/// exactly what following the journal gave.
/// </summary>
public interface IProjection
{
    /// <summary>Stable name: the read-model store's partition and the checkpoint's key.</summary>
    string Name { get; }

    /// <summary>The keys of the rows <paramref name="e"/> changes (none when it does not concern this projection).</summary>
    IEnumerable<string> KeysOf(DomainEvent e);

    /// <summary>The row <paramref name="key"/> after <paramref name="entry"/>, from its JSON before (null when new).</summary>
    string Apply(string key, string? json, JournalEntry entry);
}
