using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Artists in Azure Table Storage (table <c>artists</c>). Partition = artist id, holding the profile
/// (RowKey <c>profile</c>: JSON + version, ETag concurrency), the metric snapshots
/// (<c>snap|{observedAt UTC ticks:D19}|{platform}</c>) and the save's outbox rows, all written in one
/// entity-group transaction. Partitions <c>profile|{platform}</c> index external ids to artist ids;
/// partitions <c>key|{kind}|{key}</c> index match keys (name key, links, e-mails) to artist ids.
/// </summary>
public sealed partial class TableStorageArtistStore : IArtistStore
{
    private const string ProfileRow = "profile";
    private const string SnapshotPrefix = "snap|";
    private const string IndexPrefix = "profile|";

    private readonly StorageContext _storage;

    public TableStorageArtistStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        _storage = new StorageContext(tableService, options, time);
    }

    /// <summary>The outbox this store drains into the journal; tests use it to simulate a crash before the drain.</summary>
    internal TableOutbox Outbox => _storage.Outbox;

    public async Task<Artist> SaveAsync(Artist artist, IReadOnlyList<MetricSnapshot> snapshots, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(events);
        if (snapshots.Any(s => s.ArtistId != artist.Id))
        {
            throw new ArgumentException("Every snapshot must belong to the artist being saved.", nameof(snapshots));
        }

        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        var partition = artist.Id.Value;
        var stored = artist with { Version = artist.Version + 1 };
        var profile = new TableEntity(partition, ProfileRow) { ["Version"] = stored.Version, ["MergedInto"] = stored.MergedInto?.Value };
        LargeText.Write(profile, "Json", StorageJson.Serialize(stored));

        var actions = new List<TableTransactionAction>();
        if (artist.Version == 0)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, profile));
        }
        else
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, ProfileRow, ["Version"], cancellationToken);
            if (!current.HasValue || current.Value!.GetInt64("Version") != artist.Version)
            {
                throw Conflict(artist, null);
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, profile, current.Value.ETag));
        }

        foreach (var snapshot in await NewSnapshotsAsync(table, partition, snapshots, cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, SnapshotEntity(snapshot)));
        }

        var batch = TableOutbox.Stage(TableNames.Artists, partition, events);
        TableOutbox.EnsureFits(actions, batch);

        // The index is written first and idempotently; a stale entry (the save then failed, or the
        // profile moved) is harmless because FindByProfileAsync checks the artist really owns it.
        await IndexProfilesAsync(artist, cancellationToken);
        await IndexKeysAsync(artist, cancellationToken);
        try
        {
            await _storage.Outbox.CommitAsync(table, actions, batch, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw Conflict(artist, ex);
        }

        return stored;
    }

    private static ConcurrencyException Conflict(Artist artist, Exception? inner)
    {
        var message = $"Artist {artist.Id} was changed by someone else (expected version {artist.Version}).";
        return inner is null ? new ConcurrencyException(message) : new ConcurrencyException(message, inner);
    }

    private static string SnapshotKey(SourceKind platform, DateTimeOffset observedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{SnapshotPrefix}{observedAt.UtcTicks:D19}|{platform}");

    private static TableEntity SnapshotEntity(MetricSnapshot s) => new(s.ArtistId.Value, SnapshotKey(s.Platform, s.ObservedAt))
    {
        ["Platform"] = (int)s.Platform,
        ["ObservedAt"] = s.ObservedAt.ToString("O", CultureInfo.InvariantCulture),
        ["Followers"] = s.Followers,
        ["Plays"] = s.Plays,
        ["Popularity"] = s.Popularity,
    };

    private static MetricSnapshot ReadSnapshot(TableEntity e) => new(
        new ArtistId(e.PartitionKey),
        (SourceKind)(e.GetInt32("Platform") ?? 0),
        DateTimeOffset.Parse(e.GetString("ObservedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        e.GetInt64("Followers") ?? 0,
        e.GetInt64("Plays"),
        e.GetInt32("Popularity"));

    /// <summary>The snapshots not stored yet, once each: adding a stored one would fail the whole transaction.</summary>
    private static async Task<IReadOnlyList<MetricSnapshot>> NewSnapshotsAsync(TableClient table, string partition, IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var distinct = snapshots.DistinctBy(s => SnapshotKey(s.Platform, s.ObservedAt)).ToList();
        var stored = await Task.WhenAll(distinct.Select(async s =>
            (await table.GetEntityIfExistsAsync<TableEntity>(partition, SnapshotKey(s.Platform, s.ObservedAt), ["RowKey"], cancellationToken)).HasValue));
        return distinct.Where((_, i) => !stored[i]).ToList();
    }

    private async Task IndexProfilesAsync(Artist artist, CancellationToken cancellationToken)
    {
        // A tombstone claims nothing: its survivor holds its profiles now.
        if (artist.Profiles.Count == 0 || artist.MergedInto is not null)
        {
            return;
        }

        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        await Task.WhenAll(artist.Profiles.Select(p => table.UpsertEntityAsync(
            new TableEntity(IndexPrefix + p.Platform, KeyEncoder.Encode(p.ExternalId)) { ["ArtistId"] = artist.Id.Value },
            TableUpdateMode.Replace,
            cancellationToken)));
    }
}
