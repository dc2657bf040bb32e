using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class LocalAdaptersExtensionsTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    public void Dispose() => _directory.Delete();

    [Fact(Timeout = 30_000)]
    public async Task AddLocalAdapters_BindsTheSectionAndRegistersEveryPortOnOneDatabase()
    {
        using var host = Build(_directory.Path);
        await host.StartAsync();

        var database = host.Services.GetRequiredService<SqliteDatabase>();
        database.DataDirectory.ShouldBe(_directory.Path);
        host.Services.GetRequiredService<IArtistStore>().ShouldBeOfType<SqliteArtistStore>();
        host.Services.GetRequiredService<ISourceRecordStore>().ShouldBeOfType<SqliteSourceRecordStore>();
        host.Services.GetRequiredService<IQuarantineStore>().ShouldBeOfType<SqliteQuarantineStore>();
        host.Services.GetRequiredService<ILeadStore>().ShouldBeOfType<SqliteLeadStore>();
        host.Services.GetRequiredService<IJournal>().ShouldBeOfType<SqliteJournal>();
        host.Services.GetRequiredService<IOutreachMessageStore>().ShouldBeOfType<SqliteOutreachMessageStore>();
        host.Services.GetRequiredService<ISenderLedger>().ShouldBeOfType<SqliteSenderLedger>();
        (await host.Services.GetRequiredService<IWorkQueue>().GetDepthAsync()).ShouldBe(0);
        File.Exists(_directory.DatabasePath).ShouldBeTrue();
        await host.StopAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task AddLocalAdapters_EmptyDataDirectory_FailsAtStart()
    {
        using var host = Build("");

        await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IHost Build(string dataDirectory)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new($"{LocalStorageOptions.SectionName}:DataDirectory", dataDirectory)]);
        builder.AddLocalAdapters();
        return builder.Build();
    }
}
