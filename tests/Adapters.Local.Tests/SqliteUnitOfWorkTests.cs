using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteUnitOfWorkTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly SqliteDatabase _database;
    private readonly SqliteUnitOfWork _sut;
    private readonly SqliteSourceRecordStore _records;
    private readonly SqliteWorkQueue _queue;

    public SqliteUnitOfWorkTests()
    {
        _database = _directory.Open();
        _sut = new SqliteUnitOfWork(_database);
        _records = new SqliteSourceRecordStore(_database, _time);
        _queue = new SqliteWorkQueue(_database, _time, Microsoft.Extensions.Options.Options.Create(new WorkQueueOptions { MaxAttempts = 3 }));
    }

    public void Dispose() => _directory.Delete();

    private static SourceRecord Record(string key) => new(SourceRecord.IdFor(SourceKind.Import, key, "{}"), SourceKind.Import, key, "{}", Samples.Epoch);

    [Fact]
    public async Task Commit_KeepsEveryWriteOfTheScope()
    {
        await using (var scope = await _sut.BeginAsync())
        {
            await _records.AddAsync(Record("a"), []);
            await _queue.EnqueueAsync(new WorkItem("w", WorkKinds.ScoreArtist, "x"));
            (await _records.GetAsync(Record("a").Id)).ShouldNotBeNull();
            await scope.CommitAsync();
        }

        (await _records.GetAsync(Record("a").Id)).ShouldNotBeNull();
        (await _queue.GetDepthAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task DisposeWithoutCommit_UndoesEverything()
    {
        await using (await _sut.BeginAsync())
        {
            await _records.AddAsync(Record("a"), []);
            await _queue.EnqueueAsync(new WorkItem("w", WorkKinds.ScoreArtist, "x"));
        }

        (await _records.GetAsync(Record("a").Id)).ShouldBeNull();
        (await _queue.GetDepthAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task IsolateAsync_Throwing_UndoesOnlyItsOwnWrites()
    {
        await using (var scope = await _sut.BeginAsync())
        {
            await scope.IsolateAsync(() => _records.AddAsync(Record("kept"), []));
            await Should.ThrowAsync<InvalidOperationException>(() => scope.IsolateAsync<bool>(async () =>
            {
                await _records.AddAsync(Record("undone"), []);
                throw new InvalidOperationException("boom");
            }));
            await scope.CommitAsync();
        }

        (await _records.GetAsync(Record("kept").Id)).ShouldNotBeNull();
        (await _records.GetAsync(Record("undone").Id)).ShouldBeNull();
    }

    [Fact]
    public async Task RunBatchAsync_OneFailingItem_CompletesTheOthersAndGivesItBack()
    {
        for (var i = 0; i < 5; i++)
        {
            await _queue.EnqueueAsync(new WorkItem($"w{i}", WorkKinds.ScoreArtist, $"s{i}"));
        }

        var handler = new RecordingHandler(_records, failOn: "s2");
        var runner = new QueuedWorkRunner(
            _queue,
            new WorkItemDispatcher([handler], new MonaSparkTelemetry(new TestMeterFactory())),
            _sut,
            Microsoft.Extensions.Options.Options.Create(new WorkQueueOptions { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(10) }),
            NullLogger<QueuedWorkRunner>.Instance);

        (await runner.RunBatchAsync(64)).ShouldBe(5);

        (await _queue.GetDepthAsync()).ShouldBe(1);
        (await _records.CountBySourceAndStatusAsync()).Sum(c => c.Count).ShouldBe(4);
        (await _records.GetAsync(Record("s2").Id)).ShouldBeNull();
        _time.Advance(TimeSpan.FromSeconds(11));
        (await _queue.LeaseAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull().Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task RunBatchAsync_ItemThatWaitsOnTheNetwork_RunsAfterTheCommitWithNoLockHeld()
    {
        await _queue.EnqueueAsync(new WorkItem("w0", WorkKinds.ScoreArtist, "s0"));
        await _queue.EnqueueAsync(new WorkItem("io", WorkKinds.FetchPage, "page"));
        await _queue.EnqueueAsync(new WorkItem("w1", WorkKinds.ScoreArtist, "s1"));
        var io = new NetworkHandler(_database, Record("s0").Id, Record("s1").Id);
        var runner = new QueuedWorkRunner(
            _queue,
            new WorkItemDispatcher([new RecordingHandler(_records, failOn: "none"), io], new MonaSparkTelemetry(new TestMeterFactory())),
            _sut,
            Microsoft.Extensions.Options.Options.Create(new WorkQueueOptions { MaxAttempts = 3 }),
            NullLogger<QueuedWorkRunner>.Instance);

        (await runner.RunBatchAsync(64)).ShouldBe(3);

        io.SawEarlierItemCommitted.ShouldBeTrue(); // w0, leased before it, and w1, leased after, both committed first
        io.SawLaterItemCommitted.ShouldBeTrue();
        io.CouldTakeTheWriteLock.ShouldBeTrue();
        (await _queue.GetDepthAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RunBatchAsync_ManyItemsThatWaitOnTheNetwork_SetsAsideAtMostTheCap()
    {
        for (var i = 0; i < QueuedWorkRunner.MaxOutsideItemsPerBatch + 2; i++)
        {
            await _queue.EnqueueAsync(new WorkItem($"io{i}", WorkKinds.FetchPage, $"page{i}"));
        }

        var io = new NetworkHandler(_database, "none", "none");
        var runner = new QueuedWorkRunner(
            _queue,
            new WorkItemDispatcher([io], new MonaSparkTelemetry(new TestMeterFactory())),
            _sut,
            Microsoft.Extensions.Options.Options.Create(new WorkQueueOptions { MaxAttempts = 3 }),
            NullLogger<QueuedWorkRunner>.Instance);

        (await runner.RunBatchAsync(64)).ShouldBe(QueuedWorkRunner.MaxOutsideItemsPerBatch);
        (await _queue.GetDepthAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task RunBatchAsync_SetAsideItemsWhoseHandlerTakesBatches_OneCallThenEachSettled()
    {
        for (var i = 0; i < 3; i++)
        {
            await _queue.EnqueueAsync(new WorkItem($"e{i}", WorkKinds.EmbedArtist, $"s{i}"));
        }

        var batch = new BatchHandler(failOn: "s1");
        var runner = new QueuedWorkRunner(
            _queue,
            new WorkItemDispatcher([batch], new MonaSparkTelemetry(new TestMeterFactory())),
            _sut,
            Microsoft.Extensions.Options.Options.Create(new WorkQueueOptions { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(10) }),
            NullLogger<QueuedWorkRunner>.Instance);

        (await runner.RunBatchAsync(64)).ShouldBe(3);

        batch.Calls.ShouldHaveSingleItem().ShouldBe(["s0", "s1", "s2"]);
        (await _queue.GetDepthAsync()).ShouldBe(1); // s1 given back for a retry, the others completed
        _time.Advance(TimeSpan.FromSeconds(11));
        (await _queue.LeaseAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull().Item.SubjectId.ShouldBe("s1");
    }

    /// <summary>Takes its items together; fails the one it is told to.</summary>
    private sealed class BatchHandler(string failOn) : IBatchWorkItemHandler
    {
        public List<string[]> Calls { get; } = [];

        public string Kind => WorkKinds.EmbedArtist;

        public bool RunsOutsideUnitOfWork => true;

        public Task HandleAsync(WorkItem item, CancellationToken cancellationToken) => throw new InvalidOperationException("Expected a batch.");

        public Task<IReadOnlyList<Exception?>> HandleBatchAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
        {
            Calls.Add([.. items.Select(i => i.SubjectId)]);
            return Task.FromResult<IReadOnlyList<Exception?>>([.. items.Select(i => i.SubjectId == failOn ? new TimeoutException("slow model") : (Exception?)null)]);
        }
    }

    /// <summary>
    /// Stands in for a page fetch: while it "waits on the network" it looks at the database from a
    /// connection of its own, which sees only committed data and needs the write lock to be free.
    /// </summary>
    private sealed class NetworkHandler(SqliteDatabase database, string earlierRecordId, string laterRecordId) : IWorkItemHandler
    {
        public string Kind => WorkKinds.FetchPage;

        public bool RunsOutsideUnitOfWork => true;

        public bool SawEarlierItemCommitted { get; private set; }

        public bool SawLaterItemCommitted { get; private set; }

        public bool CouldTakeTheWriteLock { get; private set; }

        public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            await using var other = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString + ";Pooling=False");
            await other.OpenAsync(cancellationToken);
            await using (var read = other.CreateCommand())
            {
                read.CommandText = "SELECT COUNT(*) FROM source_records WHERE id = $id;";
                read.Parameters.AddWithValue("$id", earlierRecordId);
                SawEarlierItemCommitted = (long)(await read.ExecuteScalarAsync(cancellationToken))! == 1;
                read.Parameters["$id"].Value = laterRecordId;
                SawLaterItemCommitted = (long)(await read.ExecuteScalarAsync(cancellationToken))! == 1;
            }

            await using var write = other.CreateCommand();
            write.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;";
            try
            {
                await write.ExecuteNonQueryAsync(cancellationToken);
                CouldTakeTheWriteLock = true;
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                CouldTakeTheWriteLock = false;
            }
        }
    }

    /// <summary>Writes a record per item so the test can see which items' writes survived.</summary>
    private sealed class RecordingHandler(SqliteSourceRecordStore records, string failOn) : IWorkItemHandler
    {
        public string Kind => WorkKinds.ScoreArtist;

        public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            await records.AddAsync(Record(item.SubjectId), [], cancellationToken);
            if (item.SubjectId == failOn)
            {
                throw new TimeoutException("slow dependency");
            }
        }
    }

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
