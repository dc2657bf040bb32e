using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure.Journal;

/// <summary>
/// How far a follower of the journal has got (table <c>checkpoints</c>, partition <c>journal</c>,
/// RowKey = follower name). <see cref="JournalCheckpoint.Position"/>: every event up to it is done;
/// <see cref="JournalCheckpoint.DoneAbove"/>: events past it that are done too (a follower that
/// completes events out of order, e.g. one batch per partition key, records them so a re-run skips
/// them). Saves are optimistic on the row's ETag, so two followers of one name cannot both advance.
/// </summary>
internal sealed class JournalCheckpoints(StorageTables tables, TimeProvider time)
{
    private const string Partition = "journal";

    public async Task<JournalCheckpoint> GetAsync(string name, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Checkpoints, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyEncoder.Encode(name), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return JournalCheckpoint.Start;
        }

        var row = found.Value!;
        var done = (row.GetString("DoneAbove") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => long.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToHashSet();
        return new JournalCheckpoint(row.GetInt64("Position") ?? 0, done, row.ETag);
    }

    /// <summary>Saves <paramref name="next"/> over <paramref name="current"/> (as read or last saved) and returns it with its new ETag.</summary>
    /// <exception cref="ConcurrencyException">The row changed since <paramref name="current"/> was read.</exception>
    public async Task<JournalCheckpoint> SaveAsync(string name, JournalCheckpoint current, JournalCheckpoint next, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(next.Position, current.Position, nameof(next));
        var table = await tables.GetAsync(TableNames.Checkpoints, cancellationToken);
        var row = new TableEntity(Partition, KeyEncoder.Encode(name))
        {
            ["Name"] = name,
            ["Position"] = next.Position,
            ["DoneAbove"] = string.Join(',', next.DoneAbove.Order().Select(p => p.ToString(CultureInfo.InvariantCulture))),
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        try
        {
            var response = current.ETag is { } etag
                ? await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken)
                : await table.AddEntityAsync(row, cancellationToken);
            return next with { ETag = response.Headers.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyException($"The journal checkpoint '{name}' was moved by another follower.", ex);
        }
    }
}

/// <summary>A follower's place in the journal: everything up to <paramref name="Position"/> is done, and so is each of <paramref name="DoneAbove"/>.</summary>
internal sealed record JournalCheckpoint(long Position, IReadOnlySet<long> DoneAbove, ETag? ETag)
{
    public static JournalCheckpoint Start { get; } = new(0, new HashSet<long>(), null);

    /// <summary>
    /// Marks <paramref name="done"/> and moves the position over every done entry of
    /// <paramref name="page"/> (positions in journal order) that follows it without a gap of undone ones.
    /// </summary>
    public JournalCheckpoint With(IEnumerable<long> done, IReadOnlyList<long> page)
    {
        var all = DoneAbove.Concat(done).ToHashSet();
        var position = Position;
        foreach (var next in page.Where(p => p > Position))
        {
            if (!all.Remove(next))
            {
                break;
            }

            position = next;
        }

        all.RemoveWhere(p => p <= position);
        return this with { Position = position, DoneAbove = all };
    }
}
