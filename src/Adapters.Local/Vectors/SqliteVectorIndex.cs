using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Local.Vectors;

/// <summary>
/// <see cref="IVectorIndex"/> in process: entries persisted in the shared SQLite file (table
/// <c>embeddings</c>), loaded into a <see cref="VectorSlab"/> at first use and searched by a full scan,
/// int8 first and rescored in float32 (ADR-006). Thread-safe: searches share a read lock; writes are
/// serialised, committed to SQLite first and applied in memory after, so memory never holds what the
/// file does not. Writes commit on their own: calling them inside an open unit of work throws, since a
/// rollback of that unit would leave memory ahead of the file.
/// </summary>
public sealed partial class SqliteVectorIndex(SqliteDatabase database, IOptions<LocalVectorIndexOptions> options, TimeProvider time) : IVectorIndex, IDisposable
{
    private readonly LocalVectorIndexOptions _options = options.Value;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly VectorSlab _slab = new();
    private volatile bool _loaded;

    /// <summary>The embedding model this index holds (<see cref="LocalVectorIndexOptions.Model"/>).</summary>
    public string Model => _options.Model;

    public async Task UpsertAsync(IReadOnlyList<VectorEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await WriteAsync(
            async () =>
            {
                var rows = Validate(entries);
                await SaveRowsAsync(rows, cancellationToken);
                Apply(slab => rows.ForEach(slab.Upsert));
            },
            cancellationToken);
    }

    public Task DeleteAsync(ArtistId artistId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            async () =>
            {
                await DeleteRowAsync(artistId, cancellationToken);
                Apply(slab => slab.Remove(artistId));
            },
            cancellationToken);

    public async Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        await EnsureLoadedAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _lock.EnterReadLock();
        try
        {
            if (_slab.Count == 0)
            {
                return [];
            }

            var unit = _slab.Normalised(query.Span, nameof(query));
            return _slab.Search(unit, top, filter, _options.Mode, _options.RescoreFactor)
                .Select(m => new VectorMatch(_slab.IdAt(m.Slot), Math.Clamp(m.Score, -1d, 1d)))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public async Task<IReadOnlyList<VectorEntry>> GetAsync(IReadOnlyCollection<ArtistId> artistIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artistIds);
        await EnsureLoadedAsync(cancellationToken);
        _lock.EnterReadLock();
        try
        {
            return artistIds.Distinct().Select(_slab.Get).OfType<VectorEntry>().ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        _lock.EnterReadLock();
        try
        {
            return _slab.Count;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        _lock.Dispose();
    }

    /// <summary>Checks every entry before anything is written, against a scratch copy of the dimension rule.</summary>
    private List<VectorEntry> Validate(IReadOnlyList<VectorEntry> entries)
    {
        var dimensions = _slab.Dimensions;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            ArgumentNullException.ThrowIfNull(entry.Genres, nameof(entries));
            dimensions = dimensions == 0 ? entry.Vector.Length : dimensions;
            if (entry.Vector.Length != dimensions || entry.Vector.IsEmpty)
            {
                throw new ArgumentException($"Entry {entry.ArtistId} has {entry.Vector.Length} dimensions; the index holds {dimensions}.", nameof(entries));
            }

            if (!(System.Numerics.Tensors.TensorPrimitives.Norm(entry.Vector.Span) is var norm && norm > 0 && float.IsFinite(norm)))
            {
                throw new ArgumentException($"Entry {entry.ArtistId} has a zero or non-finite vector.", nameof(entries));
            }
        }

        // The last entry for an id wins, as it would one call at a time.
        return entries.GroupBy(e => e.ArtistId).Select(g => g.Last()).ToList();
    }

    private async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        if (database.Current is not null)
        {
            throw new InvalidOperationException("The vector index commits its own writes: call it outside a unit of work (ADR-006).");
        }

        await EnsureLoadedAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Apply(Action<VectorSlab> change)
    {
        _lock.EnterWriteLock();
        try
        {
            change(_slab);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        // Under the write gate, so no write lands between the read of the file and the switch to memory.
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            var rows = await LoadRowsAsync(cancellationToken);
            Apply(slab => rows.ForEach(slab.Upsert));
            _loaded = true;
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
