using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Copywriting.Chat;
using MonaSpark.Adapters.Copywriting.Templates;
using MonaSpark.Application.Copywriting;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using NSubstitute;

namespace MonaSpark.Adapters.Copywriting.Tests;

public class CopywritingExtensionsTests
{
    private static IHost Build(Action<IServiceCollection>? before = null, Action<IServiceCollection>? after = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMetrics();
        builder.Services.AddLogging();
        // What the use case needs and nothing else: the rest of the application wants every port.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MonaSparkTelemetry>();
        builder.Services.AddOptions<CopywritingOptions>();
        builder.Services.AddTransient<DraftOutreachCopy>();
        builder.Services.AddSingleton(Substitute.For<IArtistStore>());
        before?.Invoke(builder.Services);
        builder.AddCopywriting();
        after?.Invoke(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }

    [Fact]
    public void AddCopywriting_WithoutAChatClient_WritesWithTheTemplateOnly()
    {
        using var host = Build();

        host.Services.GetRequiredService<ICopywriter>().ShouldBeOfType<TemplateCopywriter>();
        host.Services.GetRequiredKeyedService<ICopywriter>(DraftOutreachCopy.FallbackKey).ShouldBeSameAs(host.Services.GetRequiredService<ICopywriter>());
        host.Services.GetRequiredService<DraftOutreachCopy>().ShouldNotBeNull();
    }

    [Fact]
    public void AddCopywriting_WithAChatClient_WritesWithTheModelAndFallsBackToTheTemplate()
    {
        using var host = Build(after: s => s.AddSingleton<IChatClient>(new ScriptedChatClient(ScriptedChatClient.Says("{}"))));

        host.Services.GetRequiredService<ICopywriter>().ShouldBeOfType<ChatCopywriter>();
        host.Services.GetRequiredKeyedService<ICopywriter>(DraftOutreachCopy.FallbackKey).ShouldBeOfType<TemplateCopywriter>();
        host.Services.GetRequiredService<DraftOutreachCopy>().ShouldNotBeNull();
    }

    [Fact]
    public void AddCopywriting_ChatClientRegisteredFirst_IsUsedToo()
    {
        using var host = Build(before: s => s.AddSingleton<IChatClient>(new ScriptedChatClient(ScriptedChatClient.Says("{}"))));

        host.Services.GetRequiredService<ICopywriter>().ShouldBeOfType<ChatCopywriter>();
    }
}
