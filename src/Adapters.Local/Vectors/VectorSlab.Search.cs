using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local.Vectors;

internal sealed partial class VectorSlab
{
    /// <summary>Candidates rescored in float32 at the least, whatever the <c>top</c>.</summary>
    private const int MinRescored = 40;

    /// <summary>The best <paramref name="top"/> slots for a unit-length query passing the filter, best first, with cosine similarity.</summary>
    public List<(int Slot, float Score)> Search(ReadOnlySpan<float> unitQuery, int top, VectorFilter? filter, VectorSearchMode mode, int rescoreFactor)
    {
        if (Count == 0 || Compile(filter) is not { } passes)
        {
            return [];
        }

        if (mode == VectorSearchMode.Exact)
        {
            var exact = new TopK(top, slot => _ids[slot].Value);
            for (var slot = 0; slot < Count; slot++)
            {
                if (passes(slot))
                {
                    exact.Offer(slot, TensorPrimitives.Dot(unitQuery, VectorAt(slot)));
                }
            }

            return exact.Drain();
        }

        // Int8 scan: the query's own scale is one factor for every slot, so it is left out of the ranking.
        var quantisedQuery = new sbyte[Dimensions];
        Quantise(unitQuery, quantisedQuery);
        var candidates = new TopK(Math.Max(top * rescoreFactor, MinRescored), slot => _ids[slot].Value);
        for (var slot = 0; slot < Count; slot++)
        {
            if (passes(slot))
            {
                candidates.Offer(slot, DotInt8(quantisedQuery, _quantised.AsSpan(slot * Dimensions, Dimensions)) * _scales[slot]);
            }
        }

        var rescored = new TopK(top, slot => _ids[slot].Value);
        foreach (var (slot, _) in candidates.Drain())
        {
            rescored.Offer(slot, TensorPrimitives.Dot(unitQuery, VectorAt(slot)));
        }

        return rescored.Drain();
    }

    public Domain.Artists.ArtistId IdAt(int slot) => _ids[slot];

    private ReadOnlySpan<float> VectorAt(int slot) => _vectors.AsSpan(slot * Dimensions, Dimensions);

    /// <summary>The filter as a slot predicate; null when nothing can pass (a genre no entry has).</summary>
    private Func<int, bool>? Compile(VectorFilter? filter)
    {
        var country = string.IsNullOrWhiteSpace(filter?.Country) ? null : filter.Country.Trim().ToUpperInvariant();
        int[]? genres = null;
        if (filter?.AnyGenre is { Count: > 0 } wanted)
        {
            genres = [.. wanted.Select(VectorFilter.Normalise).Select(g => _genreIds.GetValueOrDefault(g, -1)).Where(id => id >= 0).Distinct()];
            if (genres.Length == 0)
            {
                return null;
            }
        }

        return (country, genres) switch
        {
            (null, null) => static _ => true,
            (_, null) => slot => string.Equals(_countries[slot], country, StringComparison.Ordinal),
            (null, _) => slot => HasAny(_genres[slot], genres),
            _ => slot => string.Equals(_countries[slot], country, StringComparison.Ordinal) && HasAny(_genres[slot], genres),
        };
    }

    private static bool HasAny(int[] have, int[] wanted)
    {
        foreach (var genre in have)
        {
            if (Array.IndexOf(wanted, genre) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Symmetric int8 quantisation: <c>q = round(v × 127 / max|v|)</c>; returns <c>max|v| / 127</c>, the factor back.</summary>
    private static float Quantise(ReadOnlySpan<float> unit, Span<sbyte> into)
    {
        // MaxMagnitude returns the element itself, negative when the largest one is.
        var max = Math.Abs(TensorPrimitives.MaxMagnitude(unit));
        var scale = max > 0 ? 127f / max : 0f;
        for (var i = 0; i < unit.Length; i++)
        {
            into[i] = (sbyte)Math.Clamp(MathF.Round(unit[i] * scale), -127f, 127f);
        }

        return max / 127f;
    }

    /// <summary>Σ aᵢbᵢ over int8 vectors: 32 lanes at a time with AVX2 (widen to int16, multiply-add pairs into int32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DotInt8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && a.Length >= Vector256<sbyte>.Count)
        {
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            var acc = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref ra, (nuint)i));
                var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref rb, (nuint)i));
                acc = Avx2.Add(acc, Avx2.Add(Avx2.MultiplyAddAdjacent(aLow, bLow), Avx2.MultiplyAddAdjacent(aHigh, bHigh)));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
