using Microsoft.Extensions.AI;

namespace MonaSpark.Adapters.Azure.OpenAI;

/// <summary>
/// Sends at most <paramref name="batchSize"/> texts per call to the inner generator (one request per
/// batch to the service) and returns the embeddings in input order, with the usage summed.
/// </summary>
public sealed class BatchingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int batchSize)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly int _batchSize = batchSize >= 1 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize));

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        if (texts.Count <= _batchSize)
        {
            return await base.GenerateAsync(texts, options, cancellationToken);
        }

        var all = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var batch in texts.Chunk(_batchSize))
        {
            var part = await base.GenerateAsync(batch, options, cancellationToken);
            if (part.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding service returned {part.Count} embeddings for {batch.Length} texts.");
            }

            all.AddRange(part);
            if (part.Usage is { } usage)
            {
                all.Usage ??= new UsageDetails();
                all.Usage.Add(usage);
            }
        }

        return all;
    }
}
