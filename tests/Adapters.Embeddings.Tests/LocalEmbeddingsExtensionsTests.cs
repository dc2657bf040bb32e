using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MonaSpark.Adapters.Embeddings.Tests;

public sealed class LocalEmbeddingsExtensionsTests
{
    [Fact]
    public void AddLocalEmbeddings_RegistersMiniLm_BoundToItsSection()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["MonaSpark:Embeddings:BatchSize"] = "8";

        builder.AddLocalEmbeddings();
        using var host = builder.Build();

        host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().ShouldBeOfType<MiniLmEmbeddingGenerator>();
        host.Services.GetRequiredService<IOptions<LocalEmbeddingOptions>>().Value.BatchSize.ShouldBe(8);
    }

    [Fact]
    public void AddLocalEmbeddings_InvalidBatchSize_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["MonaSpark:Embeddings:BatchSize"] = "0";
        builder.AddLocalEmbeddings();
        using var host = builder.Build();

        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
    }
}
