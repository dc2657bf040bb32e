using System.Numerics.Tensors;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Local.Vectors;

/// <summary>
/// The in-memory side of the local vector index: unit-length float32 vectors in one contiguous array
/// (slot <c>i</c> at <c>i × dimensions</c>), their int8 quantisation beside them, and the filter fields.
/// Not thread-safe: <see cref="SqliteVectorIndex"/> guards it with a reader/writer lock.
/// </summary>
internal sealed partial class VectorSlab
{
    private const int InitialCapacity = 1024;

    private readonly Dictionary<ArtistId, int> _slots = [];
    private readonly Dictionary<string, int> _genreIds = new(StringComparer.Ordinal);
    private float[] _vectors = [];
    private sbyte[] _quantised = [];
    private float[] _scales = [];
    private ArtistId[] _ids = [];
    private string?[] _countries = [];
    private string?[] _hashes = [];
    private int[][] _genres = [];
    private string[] _genreNames = [];

    /// <summary>0 until the first vector fixes it.</summary>
    public int Dimensions { get; private set; }

    public int Count { get; private set; }

    /// <summary>Adds or replaces the entry; the vector is normalised here.</summary>
    /// <exception cref="ArgumentException">The vector is empty, all zeros, or of another dimension count.</exception>
    public void Upsert(VectorEntry entry)
    {
        var unit = Normalised(entry.Vector.Span, nameof(entry));
        if (!_slots.TryGetValue(entry.ArtistId, out var slot))
        {
            EnsureCapacity(Count + 1);
            slot = Count++;
            _slots.Add(entry.ArtistId, slot);
        }

        unit.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
        _scales[slot] = Quantise(unit, _quantised.AsSpan(slot * Dimensions, Dimensions));
        _ids[slot] = entry.ArtistId;
        _countries[slot] = entry.Country?.ToUpperInvariant();
        _hashes[slot] = entry.ContentHash;
        _genres[slot] = [.. entry.Genres.Select(VectorFilter.Normalise).Distinct(StringComparer.Ordinal).Select(GenreId)];
    }

    /// <summary>Removes the entry, moving the last slot into its place.</summary>
    public bool Remove(ArtistId artistId)
    {
        if (!_slots.Remove(artistId, out var slot))
        {
            return false;
        }

        var last = --Count;
        if (slot != last)
        {
            _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
            _quantised.AsSpan(last * Dimensions, Dimensions).CopyTo(_quantised.AsSpan(slot * Dimensions, Dimensions));
            _scales[slot] = _scales[last];
            _ids[slot] = _ids[last];
            _countries[slot] = _countries[last];
            _hashes[slot] = _hashes[last];
            _genres[slot] = _genres[last];
            _slots[_ids[slot]] = slot;
        }

        _countries[last] = null;
        _hashes[last] = null;
        _genres[last] = [];
        return true;
    }

    /// <summary>The entry as stored (its vector normalised), or null.</summary>
    public VectorEntry? Get(ArtistId artistId) =>
        _slots.TryGetValue(artistId, out var slot)
            ? new VectorEntry(artistId, _vectors.AsSpan(slot * Dimensions, Dimensions).ToArray(), _countries[slot], [.. _genres[slot].Select(g => _genreNames[g])]) { ContentHash = _hashes[slot] }
            : null;

    /// <summary>A unit-length copy of <paramref name="vector"/>, checked against <see cref="Dimensions"/> (which it sets when still 0).</summary>
    public float[] Normalised(ReadOnlySpan<float> vector, string parameterName)
    {
        if (vector.IsEmpty || (Dimensions != 0 && vector.Length != Dimensions))
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; the index holds {Dimensions}.", parameterName);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (!(norm > 0) || float.IsInfinity(norm))
        {
            throw new ArgumentException("The vector is all zeros or not finite: it has no direction.", parameterName);
        }

        Dimensions = vector.Length;
        var unit = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, unit);
        return unit;
    }

    private int GenreId(string genre)
    {
        if (!_genreIds.TryGetValue(genre, out var id))
        {
            id = _genreIds.Count;
            _genreIds.Add(genre, id);
            Array.Resize(ref _genreNames, id + 1);
            _genreNames[id] = genre;
        }

        return id;
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(InitialCapacity, _ids.Length * 2);
        Array.Resize(ref _vectors, capacity * Dimensions);
        Array.Resize(ref _quantised, capacity * Dimensions);
        Array.Resize(ref _scales, capacity);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _countries, capacity);
        Array.Resize(ref _hashes, capacity);
        Array.Resize(ref _genres, capacity);
    }
}
