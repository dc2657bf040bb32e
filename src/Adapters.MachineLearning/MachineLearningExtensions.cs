using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.MachineLearning;

/// <summary>Registers the ML.NET lead-model trainer (both hosts: training and scoring run in-process).</summary>
public static class MachineLearningExtensions
{
    public static IServiceCollection AddLeadModels(this IServiceCollection services)
    {
        services.TryAddSingleton<ILeadModelTrainer, FastTreeLeadModelTrainer>();
        return services;
    }
}
