using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.OpenAI;
using MonaSpark.Adapters.Azure.Search;
using MonaSpark.Application.Ports;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests.Intelligence;

/// <summary>AI Search and Azure OpenAI are registered when their endpoints are configured, and only then.</summary>
public sealed class IntelligenceRegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["MonaSpark:Azure:ConnectionString"] = "UseDevelopmentStorage=true" });
        builder.AddAzureAdapters();
        return builder.Build();
    }

    [Fact]
    public void AddAzureAdapters_Configured_RegistersTheIndexTheGeneratorAndTheChatClient()
    {
        using var host = Build(new()
        {
            ["MonaSpark:AzureSearch:Endpoint"] = "https://search-test.search.windows.net",
            ["MonaSpark:AzureOpenAI:Endpoint"] = "https://aoai-test.openai.azure.com/",
            ["MonaSpark:AzureOpenAI:EmbeddingDeployment"] = "text-embedding-3-small",
            ["MonaSpark:AzureOpenAI:ChatDeployment"] = "gpt-4o-mini",
        });

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        host.Services.GetRequiredService<IVectorIndex>().ShouldBeOfType<AzureSearchVectorIndex>();
        host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().ShouldBeOfType<BatchingEmbeddingGenerator>();
        host.Services.GetRequiredService<IChatClient>().ShouldNotBeNull();
        host.Services.GetRequiredService<IOptions<AzureSearchOptions>>().Value.IndexName.ShouldBe("artists");
    }

    [Fact]
    public void AddAzureAdapters_NotConfigured_RegistersNeither()
    {
        using var host = Build([]);

        host.Services.GetService<IVectorIndex>().ShouldBeNull();
        host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>().ShouldBeNull();
        host.Services.GetService<IChatClient>().ShouldBeNull();
    }

    [Fact]
    public void AddAzureAdapters_OpenAIWithoutAnyDeployment_FailsAtStart()
    {
        using var host = Build(new() { ["MonaSpark:AzureOpenAI:Endpoint"] = "https://aoai-test.openai.azure.com/" });

        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
    }
}
