using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteOneTimeTokensTests : OneTimeTokensContract
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    protected override Task<IOneTimeTokens> CreateAsync() => Task.FromResult<IOneTimeTokens>(new SqliteOneTimeTokens(_directory.Open(), _time));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

/// <summary>What only the SQLite adapter does: rows past their expiry are purged.</summary>
public sealed class SqliteOneTimeTokensPurgeTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public void Dispose() => _directory.Delete();

    [Fact]
    public async Task TryConsume_AfterTheExpiry_TheIdIsForgotten()
    {
        var sut = new SqliteOneTimeTokens(_directory.Open(), _time);
        (await sut.TryConsumeAsync("a", Samples.Epoch.AddMinutes(15))).ShouldBeTrue();

        _time.Advance(TimeSpan.FromMinutes(16));

        (await sut.TryConsumeAsync("a", Samples.Epoch.AddMinutes(45))).ShouldBeTrue();
    }
}
