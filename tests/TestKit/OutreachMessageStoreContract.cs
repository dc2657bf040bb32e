using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IOutreachMessageStore"/> adapter must show.</summary>
public abstract class OutreachMessageStoreContract : IAsyncLifetime
{
    private static readonly ArtistId Luna = new("art-luna1");
    private static readonly ArtistId Other = new("art-other1");

    private IOutreachMessageStore? _sut;

    protected IOutreachMessageStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IOutreachMessageStore> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every (from, to) pair of statuses, including staying put.</summary>
    public static TheoryData<MessageStatus, MessageStatus> EveryMove()
    {
        var moves = new TheoryData<MessageStatus, MessageStatus>();
        foreach (var from in Enum.GetValues<MessageStatus>())
        {
            foreach (var to in Enum.GetValues<MessageStatus>())
            {
                moves.Add(from, to);
            }
        }

        return moves;
    }

    protected static Message Draft(string id, ArtistId? artist = null, DateTimeOffset? createdAt = null, MessageStatus status = MessageStatus.Drafted) =>
        new(id, $"idem:{id}", artist ?? Luna, "cmp-spring", "var-a", ContactChannel.Email, "booking@luna.example", "Une idée pour « Luna »", "Bonjour Luna,\n<b>pas du html</b> — é & \"quotes\".", "fr", status, createdAt ?? Samples.Epoch)
        {
            UnsubscribeUrl = new Uri($"https://monaspark.example/u/{Uri.EscapeDataString(id)}"),
            Sender = "hello@monaspark.example",
        };

    [Fact]
    public async Task Nothing_KnownNothing()
    {
        (await Sut.GetAsync("run-1:draft")).ShouldBeNull();
        (await Sut.FindByProviderIdAsync("prov-1")).ShouldBeNull();
        (await Sut.FindLatestToAsync("booking@luna.example")).ShouldBeNull();
        (await Sut.ListByArtistAsync(Luna)).ShouldBeEmpty();
        (await Sut.ListRecentAsync(10)).ShouldBeEmpty();
        (await Sut.SetStatusAsync("run-1:draft", MessageStatus.Sent, Samples.Epoch)).ShouldBeFalse();
        (await Sut.DeleteByArtistAsync(Luna)).ShouldBe(0);
    }

    [Fact]
    public async Task Add_ThenGet_KeepsEveryField()
    {
        // An id with every character keys cannot hold, and a body longer than one table property.
        var message = Draft("run/1?#|%:draft-1") with { Body = string.Concat(Enumerable.Repeat("Bonjour Luna — é ✓ 🎵. ", 2_000)), ProviderMessageId = "prov/1?#" };

        (await Sut.AddAsync(message)).ShouldBe(message);

        (await Sut.GetAsync(message.Id)).ShouldBe(message);
        (await Sut.FindByProviderIdAsync("prov/1?#")).ShouldBe(message);
        (await Sut.ListByArtistAsync(Luna)).ShouldBe([message]);
        (await Sut.ListRecentAsync(10)).ShouldBe([message]);
    }

    [Fact]
    public async Task Add_SameIdTwice_KeepsTheFirst()
    {
        var first = Draft("run-1:draft");
        var second = Draft("run-1:draft", Other, Samples.Epoch.AddMinutes(3)) with { Body = "Another text" };

        await Sut.AddAsync(first);
        (await Sut.AddAsync(second)).ShouldBe(first);
        (await Sut.AddAsync(first)).ShouldBe(first);

        (await Sut.GetAsync("run-1:draft")).ShouldBe(first);
        (await Sut.ListByArtistAsync(Luna)).ShouldBe([first]);
        (await Sut.ListByArtistAsync(Other)).ShouldBeEmpty();
        (await Sut.ListRecentAsync(10)).ShouldBe([first]);
    }

    [Theory]
    [MemberData(nameof(EveryMove), MemberType = typeof(OutreachMessageStoreContract))]
    public async Task SetStatus_MovesOnlyWhereCanMoveAllows(MessageStatus from, MessageStatus to)
    {
        var message = Draft("run-1:draft", status: from);
        await Sut.AddAsync(message);
        var at = Samples.Epoch.AddMinutes(5);
        var allowed = MessageStatuses.CanMove(from, to);

        (await Sut.SetStatusAsync(message.Id, to, at, "prov-1")).ShouldBe(allowed);

        var expected = allowed && from != to ? message with { Status = to, StatusAt = at, ProviderMessageId = "prov-1" } : message;
        (await Sut.GetAsync(message.Id)).ShouldBe(expected);
        (await Sut.FindByProviderIdAsync("prov-1")).ShouldBe(expected.ProviderMessageId is null ? null : expected);
        (await Sut.ListByArtistAsync(Luna)).ShouldBe([expected]);
        (await Sut.ListRecentAsync(1)).ShouldBe([expected]);
    }

    [Fact]
    public async Task SetStatus_SameStatusAgain_TrueAndChangesNothing()
    {
        await Sut.AddAsync(Draft("run-1:draft", status: MessageStatus.Scheduled));
        await Sut.SetStatusAsync("run-1:draft", MessageStatus.Sent, Samples.Epoch.AddMinutes(1), "prov-1");
        var sent = await Sut.GetAsync("run-1:draft");

        (await Sut.SetStatusAsync("run-1:draft", MessageStatus.Sent, Samples.Epoch.AddMinutes(2), "prov-2")).ShouldBeTrue();

        (await Sut.GetAsync("run-1:draft")).ShouldBe(sent);
        (await Sut.FindByProviderIdAsync("prov-1")).ShouldBe(sent);
        (await Sut.FindByProviderIdAsync("prov-2")).ShouldBeNull();
    }

    [Fact]
    public async Task SetStatus_WithoutProviderId_KeepsTheOneRecorded_ANewOneReplacesIt()
    {
        var message = await Sut.AddAsync(Draft("run-1:draft"));
        await Sut.SetStatusAsync(message.Id, MessageStatus.Sent, Samples.Epoch.AddMinutes(1), "prov-1");

        (await Sut.SetStatusAsync(message.Id, MessageStatus.Delivered, Samples.Epoch.AddMinutes(2))).ShouldBeTrue();
        var delivered = message with { Status = MessageStatus.Delivered, StatusAt = Samples.Epoch.AddMinutes(2), ProviderMessageId = "prov-1" };
        (await Sut.FindByProviderIdAsync("prov-1")).ShouldBe(delivered);

        (await Sut.SetStatusAsync(message.Id, MessageStatus.Complained, Samples.Epoch.AddMinutes(3), "prov-1b")).ShouldBeTrue();
        var complained = delivered with { Status = MessageStatus.Complained, StatusAt = Samples.Epoch.AddMinutes(3), ProviderMessageId = "prov-1b" };
        (await Sut.GetAsync(message.Id)).ShouldBe(complained);
        (await Sut.FindByProviderIdAsync("prov-1b")).ShouldBe(complained);
        (await Sut.FindByProviderIdAsync("prov-1")).ShouldBeNull();
    }

    [Fact]
    public async Task SetStatus_UndefinedStatus_FalseAndChangesNothing()
    {
        var message = await Sut.AddAsync(Draft("run-1:draft"));

        (await Sut.SetStatusAsync(message.Id, (MessageStatus)99, Samples.Epoch.AddMinutes(1))).ShouldBeFalse();

        (await Sut.GetAsync(message.Id)).ShouldBe(message);
    }

    [Fact(Timeout = 60_000)]
    public async Task SetStatus_Racing_NeverLosesAForwardMove()
    {
        var ids = Enumerable.Range(0, 10).Select(i => $"run-{i}:draft").ToList();
        foreach (var id in ids)
        {
            await Sut.AddAsync(Draft(id, status: MessageStatus.Sent));
        }

        // Delivered then Complained ends Complained; Complained then Delivered refuses Delivered. Either way: Complained.
        var complaints = ids.Select(id => Task.Run(() => Sut.SetStatusAsync(id, MessageStatus.Complained, Samples.Epoch.AddMinutes(2)))).ToList();
        var deliveries = ids.Select(id => Task.Run(() => Sut.SetStatusAsync(id, MessageStatus.Delivered, Samples.Epoch.AddMinutes(1)))).ToList();
        await Task.WhenAll(deliveries);

        (await Task.WhenAll(complaints)).ShouldAllBe(moved => moved);
        foreach (var id in ids)
        {
            var stored = (await Sut.GetAsync(id)).ShouldNotBeNull();
            stored.Status.ShouldBe(MessageStatus.Complained);
            stored.StatusAt.ShouldBe(Samples.Epoch.AddMinutes(2));
        }
    }

    [Fact]
    public async Task ListByArtist_OldestFirst_OnlyTheirs_WithTheCurrentStatus()
    {
        await Sut.AddAsync(Draft("m-3", createdAt: Samples.Epoch.AddHours(3)));
        await Sut.AddAsync(Draft("m-1", createdAt: Samples.Epoch.AddHours(1)));
        await Sut.AddAsync(Draft("o-1", Other, Samples.Epoch.AddHours(2)));
        await Sut.AddAsync(Draft("m-2", createdAt: Samples.Epoch.AddHours(2)));
        await Sut.SetStatusAsync("m-2", MessageStatus.Cancelled, Samples.Epoch.AddHours(4));

        var listed = await Sut.ListByArtistAsync(Luna);

        listed.Select(m => m.Id).ShouldBe(["m-1", "m-2", "m-3"]);
        listed[1].Status.ShouldBe(MessageStatus.Cancelled);
        (await Sut.ListByArtistAsync(Other)).Select(m => m.Id).ShouldBe(["o-1"]);
    }

    [Fact]
    public async Task ListRecent_NewestFirst_UpToTheCount_WithTheCurrentStatus()
    {
        await Sut.AddAsync(Draft("m-1", createdAt: Samples.Epoch.AddHours(1)));
        await Sut.AddAsync(Draft("m-4b", createdAt: Samples.Epoch.AddHours(4)));
        await Sut.AddAsync(Draft("o-2", Other, Samples.Epoch.AddHours(2)));
        await Sut.AddAsync(Draft("m-4a", createdAt: Samples.Epoch.AddHours(4)));
        await Sut.AddAsync(Draft("m-3", createdAt: Samples.Epoch.AddHours(3)));
        await Sut.SetStatusAsync("m-3", MessageStatus.Scheduled, Samples.Epoch.AddHours(5));

        // Equal creation times: by id.
        (await Sut.ListRecentAsync(10)).Select(m => m.Id).ShouldBe(["m-4a", "m-4b", "m-3", "o-2", "m-1"]);
        var top = await Sut.ListRecentAsync(3);
        top.Select(m => m.Id).ShouldBe(["m-4a", "m-4b", "m-3"]);
        top[2].Status.ShouldBe(MessageStatus.Scheduled);
        (await Sut.ListRecentAsync(0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteByArtist_RemovesTheirMessagesFromEveryQuery_AndCountsThem()
    {
        await Sut.AddAsync(Draft("m-1", createdAt: Samples.Epoch.AddHours(1)));
        await Sut.AddAsync(Draft("m-2", createdAt: Samples.Epoch.AddHours(2)));
        await Sut.AddAsync(Draft("m-3", createdAt: Samples.Epoch.AddHours(3)));
        await Sut.SetStatusAsync("m-2", MessageStatus.Sent, Samples.Epoch.AddHours(4), "prov-2");
        var others = await Sut.AddAsync(Draft("o-1", Other, Samples.Epoch.AddHours(2)));

        (await Sut.DeleteByArtistAsync(Luna)).ShouldBe(3);

        (await Sut.GetAsync("m-1")).ShouldBeNull();
        (await Sut.GetAsync("m-2")).ShouldBeNull();
        (await Sut.FindLatestToAsync("booking@luna.example")).ShouldBe(others);
        (await Sut.FindByProviderIdAsync("prov-2")).ShouldBeNull();
        (await Sut.SetStatusAsync("m-3", MessageStatus.Cancelled, Samples.Epoch.AddHours(5))).ShouldBeFalse();
        (await Sut.ListByArtistAsync(Luna)).ShouldBeEmpty();
        (await Sut.ListRecentAsync(10)).ShouldBe([others]);
        (await Sut.ListByArtistAsync(Other)).ShouldBe([others]);
        (await Sut.DeleteByArtistAsync(Luna)).ShouldBe(0);

        // The id is free again: drafting it anew stores the new one.
        var redrafted = Draft("m-1", createdAt: Samples.Epoch.AddHours(6));
        (await Sut.AddAsync(redrafted)).ShouldBe(redrafted);
        (await Sut.ListByArtistAsync(Luna)).ShouldBe([redrafted]);
    }

    [Fact]
    public async Task FindLatestTo_TheNewestMessageToTheAddress_ComparedNormalised()
    {
        var older = await Sut.AddAsync(Draft("t-1", createdAt: Samples.Epoch.AddHours(1)));
        var newer = await Sut.AddAsync(Draft("t-2", Other, Samples.Epoch.AddHours(2)));
        var sms = await Sut.AddAsync(Draft("t-3", createdAt: Samples.Epoch.AddHours(3)) with { Channel = ContactChannel.Sms, Recipient = "+33612345678" });
        await Sut.SetStatusAsync("t-2", MessageStatus.Sent, Samples.Epoch.AddHours(4), "prov-t2");

        (await Sut.FindLatestToAsync("  Booking@Luna.Example ")).ShouldBe(newer with { Status = MessageStatus.Sent, StatusAt = Samples.Epoch.AddHours(4), ProviderMessageId = "prov-t2" });
        (await Sut.FindLatestToAsync("+33612345678")).ShouldBe(sms);
        (await Sut.FindLatestToAsync("+33600000000")).ShouldBeNull();
        older.Id.ShouldBe("t-1");
    }
}
