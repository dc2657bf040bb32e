using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace MonaSpark.Application.Tests;

/// <summary>Deferred references (web pages): queued by the sync, fetched and landed by the fetch-page handler.</summary>
public class PageWorkTests
{
    private const string Url = "https://zelie.example/?a=1#x";
    private readonly ISourceRecordStore _records = Substitute.For<ISourceRecordStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly IDeferredSourceConnector _connector = Substitute.For<IDeferredSourceConnector>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public PageWorkTests()
    {
        _connector.Key.Returns("web");
        _connector.Source.Returns(SourceKind.Web);
        _records.AddAsync(Arg.Any<SourceRecord>(), Arg.Any<IReadOnlyList<Domain.Events.DomainEvent>>(), Arg.Any<CancellationToken>()).Returns(true);
    }

    private RecordIngestion Ingestion() => new(_records, _queue, _time, new MonaSparkTelemetry(new TestMeterFactory()));

    private FetchPageHandler Handler(params ISourceConnector[] connectors) =>
        new(connectors.Length == 0 ? [_connector] : connectors, Ingestion(), new PerCallUnitOfWork());

    [Fact]
    public void For_IdIsAStableKeySafeHash_SubjectKeepsConnectorAndReference()
    {
        var item = PageWork.For("web", Url);

        item.Kind.ShouldBe(WorkKinds.FetchPage);
        item.Id.ShouldBe(PageWork.For("web", Url).Id);
        item.Id.ShouldNotBe(PageWork.For("web", Url + "2").Id);
        item.Id.ShouldMatch("^fetch:web:[0-9a-f]{32}$");
        PageWork.TryParse(item.SubjectId, out var key, out var reference).ShouldBeTrue();
        key.ShouldBe("web");
        reference.ShouldBe(Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":https://x/")]
    [InlineData("web:")]
    [InlineData("no-separator")]
    public void TryParse_NotAPageSubject_False(string subject) => PageWork.TryParse(subject, out _, out _).ShouldBeFalse();

    [Fact]
    public void For_KeyWithSeparator_Throws() => Should.Throw<ArgumentException>(() => PageWork.For("we:b", Url));

    [Fact]
    public async Task Handle_FetchesThePageAndLandsItAsARecordOfTheConnectorsSource()
    {
        _connector.FetchOneAsync(Url, Arg.Any<CancellationToken>()).Returns(new RawRecord(Url, """{"url":"x"}"""));

        await Handler().HandleAsync(PageWork.For("web", Url), CancellationToken.None);

        var id = SourceRecord.IdFor(SourceKind.Web, Url, """{"url":"x"}""");
        await _records.Received(1).AddAsync(Arg.Is<SourceRecord>(r => r.Id == id && r.Source == SourceKind.Web && r.ExternalId == Url), Arg.Any<IReadOnlyList<Domain.Events.DomainEvent>>(), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"process:{id}", WorkKinds.ProcessSourceRecord, id), Arg.Any<CancellationToken>());
        Handler().RunsOutsideUnitOfWork.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_Refused_IsPermanentWithTheReason()
    {
        _connector.FetchOneAsync(Url, Arg.Any<CancellationToken>()).ThrowsAsync(new SourceRefusedException("Robots: disallowed"));

        var ex = await Should.ThrowAsync<PermanentWorkException>(() => Handler().HandleAsync(PageWork.For("web", Url), CancellationToken.None));

        ex.Message.ShouldContain("Robots: disallowed");
        await _records.DidNotReceiveWithAnyArgs().AddAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_TransientFailure_PropagatesForARetry()
    {
        _connector.FetchOneAsync(Url, Arg.Any<CancellationToken>()).ThrowsAsync(new HttpRequestException("503"));

        await Should.ThrowAsync<HttpRequestException>(() => Handler().HandleAsync(PageWork.For("web", Url), CancellationToken.None));
    }

    [Fact]
    public async Task Handle_UnknownConnectorOrBadSubject_IsPermanent()
    {
        await Should.ThrowAsync<PermanentWorkException>(() => Handler().HandleAsync(PageWork.For("elsewhere", Url), CancellationToken.None));
        await Should.ThrowAsync<PermanentWorkException>(() => Handler().HandleAsync(new WorkItem("x", WorkKinds.FetchPage, "garbage"), CancellationToken.None));
    }

    [Fact]
    public async Task Sync_QueuesEveryDeferredReferenceAsItsOwnItem_AndReportsThem()
    {
        _connector.FetchAsync(null, Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(new SourceBatch([], "2") { Deferred = ["https://a.example/", "https://b.example/"] });
        _connector.FetchAsync("2", Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(new SourceBatch([], null) { Deferred = ["https://c.example/"] });
        var cursors = Substitute.For<ISourceCursorStore>();
        var sut = new SourceSync([_connector], Ingestion(), _queue, cursors, Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), _time, NullLogger<SourceSync>.Instance);

        var report = await sut.RunAsync(maxPages: 5);

        report.Queued.ShouldBe(3);
        report.Fetched.ShouldBe(0);
        report.Sources.ShouldHaveSingleItem().Queued.ShouldBe(3);
        foreach (var url in new[] { "https://a.example/", "https://b.example/", "https://c.example/" })
        {
            await _queue.Received(1).EnqueueAsync(PageWork.For("web", url), Arg.Any<CancellationToken>());
        }

        await cursors.Received(1).SetAsync(Arg.Is<SourceCursor>(c => c.Cursor == null && c.LastCompletedAt == Samples.Epoch), Arg.Any<CancellationToken>());
    }
}
