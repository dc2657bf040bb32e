using MonaSpark.Application.Ports;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>
/// The behaviour every <see cref="IOneTimeTokens"/> adapter must show: an id is consumed once, ids are
/// apart, and of many concurrent callers consuming one id exactly one wins.
/// </summary>
public abstract class OneTimeTokensContract : IAsyncLifetime
{
    private static readonly DateTimeOffset ExpiresAt = Samples.Epoch.AddMinutes(15);

    private IOneTimeTokens? _sut;

    protected IOneTimeTokens Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IOneTimeTokens> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryConsume_FirstTime_True_ThenFalse()
    {
        (await Sut.TryConsumeAsync("signin:abc", ExpiresAt)).ShouldBeTrue();
        (await Sut.TryConsumeAsync("signin:abc", ExpiresAt)).ShouldBeFalse();
        (await Sut.TryConsumeAsync("signin:abc", ExpiresAt.AddHours(1))).ShouldBeFalse();
    }

    [Fact]
    public async Task TryConsume_OtherIds_AreApart()
    {
        (await Sut.TryConsumeAsync("signin:a", ExpiresAt)).ShouldBeTrue();
        (await Sut.TryConsumeAsync("signin:b", ExpiresAt)).ShouldBeTrue();
        (await Sut.TryConsumeAsync("signin:A", ExpiresAt)).ShouldBeTrue();
        (await Sut.TryConsumeAsync("other/with:odd#chars?", ExpiresAt)).ShouldBeTrue();
        (await Sut.TryConsumeAsync("other/with:odd#chars?", ExpiresAt)).ShouldBeFalse();
    }

    [Fact]
    public async Task TryConsume_ManyAtOnce_ExactlyOneWins()
    {
        var attempts = Enumerable.Range(0, 16).Select(_ => Task.Run(() => Sut.TryConsumeAsync("signin:race", ExpiresAt)));

        var results = await Task.WhenAll(attempts);

        results.Count(r => r).ShouldBe(1);
    }
}
