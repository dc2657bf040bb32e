using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MonaSpark.Workflows.Local;

/// <summary>Registers the local durable task engine, a worker running every MonaSpark saga, and a client.</summary>
public static class LocalDurableEngineExtensions
{
    /// <summary>
    /// Adds the engine (as the first hosted service of the ones added here, so it listens before the
    /// worker connects), the worker with <see cref="DurableTaskRegistryExtensions.AddMonaSparkWorkflows"/>,
    /// and a <see cref="DurableTaskClient"/>. Reads <see cref="DurableEngineOptions"/> from <c>MonaSpark:DurableEngine</c>.
    /// </summary>
    /// <param name="configureTasks">Extra orchestrators and activities (tests).</param>
    public static IHostApplicationBuilder AddLocalDurableEngine(this IHostApplicationBuilder builder, Action<Microsoft.DurableTask.DurableTaskRegistry>? configureTasks = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new DurableEngineOptions();
        builder.Configuration.GetSection(DurableEngineOptions.SectionName).Bind(options);
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new System.ComponentModel.DataAnnotations.ValidationContext(options), validateAllProperties: true);

        var services = builder.Services;
        services.AddSingleton(sp => new LocalDurableEngine(options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registry =>
            {
                registry.AddMonaSparkWorkflows();
                configureTasks?.Invoke(registry);
            });
            worker.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = options.WorkerActivities;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.WorkerOrchestrations;
            });
            worker.UseGrpc(_ => { });
        });
        services.AddOptions<Microsoft.DurableTask.Worker.Grpc.GrpcDurableTaskWorkerOptions>(Microsoft.Extensions.Options.Options.DefaultName)
            .Configure<LocalDurableEngine>((o, engine) => o.Channel = engine.Channel);
        services.AddDurableTaskClient(client => client.UseGrpc(_ => { }));
        services.AddMonaSparkJourneys();
        services.AddOptions<Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions>(Microsoft.Extensions.Options.Options.DefaultName)
            .Configure<LocalDurableEngine>((o, engine) => o.Channel = engine.Channel);
        return builder;
    }
}
