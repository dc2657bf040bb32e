using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Lookalikes;

/// <summary>
/// Use case: embed an artist's profile text (<see cref="ArtistText"/>) and upsert it into the vector
/// index with its country and genres; an artist merged away or erased is removed from the index.
/// Idempotent: the same artist gives the same entry (an unchanged text is not even embedded again),
/// and a delete of a missing entry does nothing.
/// </summary>
public sealed class EmbedArtistHandler(
    IArtistStore artists,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IVectorIndex index) : IBatchWorkItemHandler
{
    public string Kind => WorkKinds.EmbedArtist;

    /// <summary>
    /// Embedding is a network call on Azure OpenAI and milliseconds of CPU locally: it never holds the
    /// embedded store's write lock (ADR-005), and the in-process index commits its own writes (ADR-006).
    /// </summary>
    public bool RunsOutsideUnitOfWork => true;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var results = await HandleBatchAsync([item], cancellationToken);
        if (results[0] is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Several artists at once: their texts are embedded in one call (the local model and Azure OpenAI
    /// both take batches) and upserted together. An artist that cannot be read fails alone; a failing
    /// embedding call fails the items it carried.
    /// </summary>
    public async Task<IReadOnlyList<Exception?>> HandleBatchAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new Exception?[items.Count];
        var live = new List<(int Index, Artist Artist, string Text, string Hash)>();
        var model = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var id = ArtistSubject.Of(items[i]);
                var artist = await artists.GetAsync(id, cancellationToken);
                if (artist is null || artist.MergedInto is not null)
                {
                    // Its survivor carries its profile now (and is embedded on its own), or it was erased.
                    await index.DeleteAsync(id, cancellationToken);
                    continue;
                }

                var text = ArtistText.For(artist);
                live.Add((i, artist, text, ContentHash(model, text)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[i] = ex;
            }
        }

        // Every sync gives a new artist version, mostly for new metrics: the text (genres, country,
        // bio) rarely changes, and an unchanged text under the same model is not embedded again.
        var stored = (await index.GetAsync([.. live.Select(l => l.Artist.Id)], cancellationToken)).ToDictionary(e => e.ArtistId, e => e.ContentHash);
        var changed = live.Where(l => !stored.TryGetValue(l.Artist.Id, out var hash) || hash != l.Hash).ToList();
        if (changed.Count == 0)
        {
            return results;
        }

        try
        {
            var generated = await embeddings.GenerateAsync([.. changed.Select(c => c.Text)], cancellationToken: cancellationToken);
            await index.UpsertAsync(
                [.. changed.Select((c, k) => new VectorEntry(c.Artist.Id, generated[k].Vector, c.Artist.Country?.Value.Value, ArtistText.GenresOf(c.Artist)) { ContentHash = c.Hash })],
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var c in changed)
            {
                results[c.Index] = ex;
            }
        }

        return results;
    }

    /// <summary>What a vector is computed from: the model and the text.</summary>
    internal static string ContentHash(string? model, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\n{text}")));
}
