using System.Text;
using System.Text.Json;
using Azure.Messaging.EventHubs.Producer;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.TestKit;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>The registration as a host uses it: configuration in, working ports out.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureAdaptersExtensionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.DeleteAsync(_options);

    [Fact(Timeout = 30_000)]
    public async Task AddAzureAdapters_WithConnectionString_ResolvesWorkingPorts()
    {
        using var host = Build(new()
        {
            ["MonaSpark:Azure:ConnectionString"] = AzuriteFixture.ConnectionString,
            ["MonaSpark:Azure:TablePrefix"] = _options.Value.TablePrefix,
            ["MonaSpark:Azure:WorkQueueName"] = _options.Value.WorkQueueName,
        });
        var services = host.Services;

        services.GetRequiredService<IArtistStore>().ShouldBeOfType<TableStorageArtistStore>();
        services.GetRequiredService<ISourceRecordStore>().ShouldBeOfType<TableStorageSourceRecordStore>();
        services.GetRequiredService<IQuarantineStore>().ShouldBeOfType<TableStorageQuarantineStore>();
        services.GetRequiredService<ILeadStore>().ShouldBeOfType<TableStorageLeadStore>();
        services.GetRequiredService<IOutreachMessageStore>().ShouldBeOfType<TableStorageOutreachMessageStore>();
        services.GetRequiredService<ISenderLedger>().ShouldBeOfType<TableStorageSenderLedger>();
        (await services.GetRequiredService<IJournal>().AppendAsync([new LinkClicked("art-1", Samples.Epoch, "msg-1")])).ShouldBe(1);

        var item = new WorkItem("score:art-1", WorkKinds.ScoreArtist, "art-1");
        await services.GetRequiredService<IWorkQueue>().EnqueueAsync(item);

        // What the Functions queue trigger sees: a base64 body holding the item's JSON.
        var raw = (await new QueueClient(AzuriteFixture.ConnectionString, _options.Value.WorkQueueName).PeekMessageAsync()).Value;
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(raw.MessageText));
        JsonSerializer.Deserialize<WorkItem>(json, JsonSerializerOptions.Web).ShouldBe(item);
    }

    [Fact]
    public void AddAzureAdapters_WithoutStorageSettings_FailsValidation()
    {
        using var host = Build([]);

        var failure = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AzureStorageOptions>>().Value);

        failure.Message.ShouldContain("ConnectionString");
    }

    [Fact]
    public void AddAzureAdapters_WithoutEventHubsSettings_RegistersNoPublisher()
    {
        using var host = Build(StorageSettings());

        host.Services.GetService<EventHubsJournalPublisher>().ShouldBeNull();
        host.Services.GetService<EventHubProducerClient>().ShouldBeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task AddAzureAdapters_WithEventHubsNamespace_ResolvesThePublisherWithoutConnecting()
    {
        var settings = StorageSettings();
        settings["MonaSpark:EventHubs:FullyQualifiedNamespace"] = "evhns-test.servicebus.windows.net";
        var host = Build(settings);
        await using var _ = (IAsyncDisposable)host;

        host.Services.GetRequiredService<EventHubsJournalPublisher>().ShouldNotBeNull();
        var producer = host.Services.GetRequiredService<EventHubProducerClient>();
        producer.FullyQualifiedNamespace.ShouldBe("evhns-test.servicebus.windows.net");
        producer.EventHubName.ShouldBe("journal");
        host.Services.GetRequiredService<IOptions<EventHubsOptions>>().Value.CheckpointName.ShouldBe("evhns-test.servicebus.windows.net/journal");
    }

    [Fact]
    public void AddAzureAdapters_MalformedEventHubsConnectionString_FailsValidationWithoutEchoingIt()
    {
        var settings = StorageSettings();
        settings["MonaSpark:EventHubs:ConnectionString"] = "SharedAccessKey=secret-value";
        using var host = Build(settings);

        var failure = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<EventHubsOptions>>().Value);

        failure.Message.ShouldContain("is not an Event Hubs connection string");
        failure.Message.ShouldNotContain("secret-value");
    }

    private Dictionary<string, string?> StorageSettings() => new()
    {
        ["MonaSpark:Azure:ConnectionString"] = AzuriteFixture.ConnectionString,
        ["MonaSpark:Azure:TablePrefix"] = _options.Value.TablePrefix,
        ["MonaSpark:Azure:WorkQueueName"] = _options.Value.WorkQueueName,
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAzureAdapters();
        return builder.Build();
    }
}
