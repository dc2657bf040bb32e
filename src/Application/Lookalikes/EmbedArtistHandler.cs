using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

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
    IVectorIndex index) : IWorkItemHandler
{
    public string Kind => WorkKinds.EmbedArtist;

    /// <summary>
    /// Embedding is a network call on Azure OpenAI and milliseconds of CPU locally: it never holds the
    /// embedded store's write lock (ADR-005), and the in-process index commits its own writes (ADR-006).
    /// </summary>
    public bool RunsOutsideUnitOfWork => true;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var id = ArtistSubject.Of(item);

        var artist = await artists.GetAsync(id, cancellationToken);
        if (artist is null || artist.MergedInto is not null)
        {
            // Its survivor carries its profile now (and is embedded on its own), or it was erased.
            await index.DeleteAsync(id, cancellationToken);
            return;
        }

        // Every sync gives a new artist version, mostly for new metrics: the text (genres, country,
        // bio) rarely changes, and an unchanged text under the same model is not embedded again.
        var text = ArtistText.For(artist);
        var hash = ContentHash(embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId, text);
        if ((await index.GetAsync([artist.Id], cancellationToken)).SingleOrDefault()?.ContentHash == hash)
        {
            return;
        }

        var vector = await embeddings.GenerateVectorAsync(text, cancellationToken: cancellationToken);
        await index.UpsertAsync(
            [new VectorEntry(artist.Id, vector, artist.Country?.Value.Value, ArtistText.GenresOf(artist)) { ContentHash = hash }],
            cancellationToken);
    }

    /// <summary>What a vector is computed from: the model and the text.</summary>
    internal static string ContentHash(string? model, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\n{text}")));
}
