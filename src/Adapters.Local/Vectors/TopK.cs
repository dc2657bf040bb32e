namespace MonaSpark.Adapters.Local.Vectors;

/// <summary>
/// The best <c>k</c> (slot, score) pairs seen so far: a min-heap on score (ties: the larger artist id
/// is worse), so each new pair costs one comparison with the worst kept unless it gets in.
/// </summary>
internal sealed class TopK(int k, Func<int, string> idOf)
{
    private readonly PriorityQueue<int, (float Score, string Id)> _heap = new(k + 1, Comparer<(float Score, string Id)>.Create(Compare));

    public int Count => _heap.Count;

    /// <summary>True when a pair with <paramref name="score"/> could still get in (cheap pre-check).</summary>
    public bool Admits(float score) => _heap.Count < k || (_heap.TryPeek(out _, out var worst) && score >= worst.Score);

    public void Offer(int slot, float score)
    {
        if (!Admits(score))
        {
            return;
        }

        _heap.Enqueue(slot, (score, idOf(slot)));
        if (_heap.Count > k)
        {
            _heap.Dequeue();
        }
    }

    /// <summary>The pairs kept, best first; empties the heap.</summary>
    public List<(int Slot, float Score)> Drain()
    {
        var result = new List<(int Slot, float Score)>(_heap.Count);
        while (_heap.TryDequeue(out var slot, out var key))
        {
            result.Add((slot, key.Score));
        }

        result.Reverse();
        return result;
    }

    // Smallest = worst: lower score, or equal score and larger id (ids ascend among equals).
    private static int Compare((float Score, string Id) a, (float Score, string Id) b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(b.Id, a.Id);
    }
}
