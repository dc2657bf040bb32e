using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Azure.Search;
using MonaSpark.Adapters.Embeddings;
using MonaSpark.Adapters.Local;
using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;

namespace MonaSpark.Composition;

/// <summary>
/// Embeddings and the vector index for either adapter set. Local: all-MiniLM-L6-v2 in process and the
/// SQLite-backed index (registered with the storage). Azure: Azure OpenAI and AI Search when their
/// endpoints are set (<c>AddAzureAdapters</c>); when they are not (development against Azurite, tests),
/// the same local model, and an in-process index in a SQLite file under the data directory
/// (<c>MonaSpark:Local:DataDirectory</c>, default the temp folder): one per instance, so only fit for a
/// single instance. infra/ always sets both endpoints.
/// </summary>
internal static class IntelligenceExtensions
{
    public static IHostApplicationBuilder AddEmbeddingsAndVectorIndex(this IHostApplicationBuilder builder, AdapterSet adapters)
    {
        // TryAdd inside: a generator the Azure adapters registered (Azure OpenAI) wins.
        builder.Services.AddLocalEmbeddings();
        if (adapters == AdapterSet.Azure && !builder.Services.Any(d => d.ServiceType == typeof(IVectorIndex)))
        {
            builder.Services.AddOptions<LocalStorageOptions>()
                .Configure(o => o.DataDirectory = Path.Combine(Path.GetTempPath(), "monaspark"))
                .Bind(builder.Configuration.GetSection(LocalStorageOptions.SectionName));
            builder.Services.AddSqliteVectorIndex();
        }

        // Outcomes steer sourcing: searching connectors add the genres of the customers' lookalikes.
        builder.Services.TryAddSingleton<LookalikeSourcingHints>();
        builder.Services.TryAddSingleton<ISourcingHints>(sp => sp.GetRequiredService<LookalikeSourcingHints>());

        // The index holds the vectors of the generator in use: its model names the local rows, its
        // dimensions size the AI Search vector field.
        builder.Services.AddOptions<LocalVectorIndexOptions>()
            .Configure<IEmbeddingGenerator<string, Embedding<float>>>((o, generator) => o.Model = Metadata(generator)?.DefaultModelId ?? o.Model);
        builder.Services.AddOptions<AzureSearchOptions>()
            .Configure<IEmbeddingGenerator<string, Embedding<float>>>((o, generator) => o.Dimensions = Metadata(generator)?.DefaultModelDimensions ?? o.Dimensions);
        return builder;
    }

    private static EmbeddingGeneratorMetadata? Metadata(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<EmbeddingGeneratorMetadata>();
}
