using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Email.Tests;

public sealed class EmailExtensionsTests
{
    private static IOutreachChannel[] Channels(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => $"MonaSpark:Email:{s.Key}", s => (string?)s.Value));
        builder.AddEmail();
        using var host = builder.Build();
        return [.. host.Services.GetServices<IOutreachChannel>()];
    }

    [Fact]
    public void AddEmail_ChoosesSmtpThenOutboxThenNothing()
    {
        Channels(("SmtpHost", "smtp.example.com"), ("OutboxDirectory", "/tmp/x")).ShouldHaveSingleItem().ShouldBeOfType<SmtpEmailChannel>();
        Channels(("OutboxDirectory", "/tmp/x")).ShouldHaveSingleItem().ShouldBeOfType<OutboxEmailChannel>();
        Channels().ShouldBeEmpty();
    }
}
