using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class InProcessProviderRateLimiterTests : ProviderRateLimiterContract
{
    protected override Task<IProviderRateLimiter> CreateAsync() => Task.FromResult<IProviderRateLimiter>(new InProcessProviderRateLimiter());
}
