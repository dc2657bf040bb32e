using System.Reflection;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Composition;
using MonaSpark.Domain.Sources;
using MonaSpark.Functions.Triggers;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>
/// The Functions app's container as Program.cs builds it (Azure adapter set), pointed at Azurite with
/// a table prefix and work queue of its own, validated on build, with every function class registered.
/// Not started: the worker's gRPC channel to the Functions host is the one part left out.
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    /// <summary>Where Azurite listens; eng/azurite.sh starts it on the default ports.</summary>
    public static readonly string ConnectionString =
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true";

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public IHost Host { get; private set; } = null!;

    public StubSourceConnector Connector { get; } = new();

    /// <summary>A connector whose key is <c>spotify</c>, for the per-source timers.</summary>
    public StubSourceConnector SpotifyConnector { get; } = new(SourceKind.Spotify);

    /// <summary>This fixture's work queue: the one the adapter writes and the trigger would read.</summary>
    public string WorkQueueName => $"fn-{_suffix}";

    /// <summary>Every class in the Functions app with a <c>[Function]</c> method (static shims excluded: nothing to resolve).</summary>
    public static IReadOnlyList<Type> FunctionClasses { get; } = typeof(ProcessWorkItem).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToList();

    public async Task InitializeAsync()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonaSpark:Azure:ConnectionString"] = ConnectionString,
            ["MonaSpark:Azure:TablePrefix"] = $"fn{_suffix}",
            ["MonaSpark:Azure:WorkQueueName"] = WorkQueueName,

            // A test key (Key Vault in production): the landing, unsubscribe and portal triggers sign with it.
            ["MonaSpark:Links:SigningKey"] = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
        });

        // The three lines of Program.cs after CreateBuilder.
        builder.ConfigureFunctionsWebApplication();
        builder.AddMonaSpark(AdapterSet.Azure);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        // The worker activates function classes per invocation from the invocation's scope.
        foreach (var type in FunctionClasses)
        {
            builder.Services.AddScoped(type);
        }

        builder.Services.AddSingleton<ISourceConnector>(Connector);
        builder.Services.AddSingleton<ISourceConnector>(SpotifyConnector);
        Host = builder.Build();

        // What StartAsync would check first: every ValidateOnStart option.
        Host.Services.GetRequiredService<IStartupValidator>().Validate();

        try
        {
            await Host.Services.GetRequiredService<TableServiceClient>().GetPropertiesAsync();
        }
        catch (RequestFailedException ex) when (ex.Status == 0)
        {
            throw new InvalidOperationException("Azurite does not answer: start it with eng/azurite.sh (or set AZURITE_CONNECTION_STRING).", ex);
        }
    }

    /// <summary>Drops this fixture's tables and queues, so a shared Azurite does not fill up across runs.</summary>
    public async Task DisposeAsync()
    {
        if (Host is null)
        {
            return;
        }

        var tables = Host.Services.GetRequiredService<TableServiceClient>();
        var prefix = $"fn{_suffix}";
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var queues = Host.Services.GetRequiredService<QueueServiceClient>();
        // A class that never queued anything never created them.
        await queues.GetQueueClient(WorkQueueName).DeleteIfExistsAsync();
        await queues.GetQueueClient(WorkQueueName + "-poison").DeleteIfExistsAsync();
        Host.Dispose();
    }
}
