using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Search;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests.Intelligence;

/// <summary>
/// The AI Search adapter's requests and its reading of the answers, against the REST shapes the
/// service documents (API 2023-11-01: Indexes - Create Or Update, Documents - Index, Documents -
/// Search Post, Documents - Count), through the SDK's transport hook.
/// </summary>
public sealed class AzureSearchVectorIndexTests : IDisposable
{
    private const int Dimensions = 4;
    private static readonly Uri Endpoint = new("https://search-test.search.windows.net");

    private readonly StaticTokenCredential _credential = new("search-token");
    private readonly RecordingHandler _http;
    private readonly AzureSearchVectorIndex _sut;
    private (HttpStatusCode, string)? _next;

    public AzureSearchVectorIndexTests()
    {
        _http = new RecordingHandler(Respond);
        var options = new SearchClientOptions { Transport = new HttpClientTransport(new HttpClient(_http)) };
        options.Retry.MaxRetries = 0;
        _sut = new AzureSearchVectorIndex(
            new SearchIndexClient(Endpoint, _credential, options),
            Options.Create(new AzureSearchOptions { Endpoint = Endpoint, IndexName = "artists", Dimensions = Dimensions }));
    }

    public void Dispose()
    {
        _sut.Dispose();
        _http.Dispose();
    }

    private static ArtistId Id(string key) => ArtistId.ForSource(SourceKind.Import, key);

    private (HttpStatusCode, string) Respond(RecordedRequest request) => request switch
    {
        { Method: "PUT", Path: "/indexes('artists')" } => (HttpStatusCode.Created, request.Json.GetRawText()),
        _ when _next is { } next => next,
        _ => throw new InvalidOperationException($"Unexpected {request.Method} {request.Uri}"),
    };

    [Fact]
    public async Task HostStart_CreatesOrUpdatesTheIndex_ThenUseDoesNotAgain()
    {
        _next = (HttpStatusCode.OK, """{ "value": [] }""");
        var initializer = new AzureSearchIndexInitializer(_sut, Microsoft.Extensions.Logging.Abstractions.NullLogger<AzureSearchIndexInitializer>.Instance);

        await initializer.StartAsync(CancellationToken.None);
        _http.Requests.ShouldHaveSingleItem().Method.ShouldBe("PUT");
        await _sut.SearchAsync(new float[] { 1, 0, 0, 0 }, 5);

        _http.Requests.Count(r => r.Method == "PUT").ShouldBe(1);
    }

    [Fact]
    public async Task HostStart_ServiceFails_LogsAndTheFirstUseTriesAgain()
    {
        var failing = true;
        using var http = new RecordingHandler(r => failing && r.Method == "PUT" ? (HttpStatusCode.ServiceUnavailable, "{}") : r.Method == "PUT" ? (HttpStatusCode.Created, r.Json.GetRawText()) : (HttpStatusCode.OK, """{ "value": [] }"""));
        var options = new SearchClientOptions { Transport = new HttpClientTransport(new HttpClient(http)) };
        options.Retry.MaxRetries = 0;
        using var sut = new AzureSearchVectorIndex(
            new SearchIndexClient(Endpoint, _credential, options),
            Options.Create(new AzureSearchOptions { Endpoint = Endpoint, IndexName = "artists", Dimensions = Dimensions }));

        await new AzureSearchIndexInitializer(sut, Microsoft.Extensions.Logging.Abstractions.NullLogger<AzureSearchIndexInitializer>.Instance).StartAsync(CancellationToken.None);
        failing = false;
        await sut.SearchAsync(new float[] { 1, 0, 0, 0 }, 5);

        http.Requests.Count(r => r.Method == "PUT").ShouldBe(2);
    }

    [Fact]
    public async Task FirstUse_CreatesOrUpdatesTheIndex_WithACosineHnswVectorFieldAndFilterableFields()
    {
        _next = (HttpStatusCode.OK, """{ "value": [] }""");

        await _sut.SearchAsync(new float[] { 1, 0, 0, 0 }, 5);
        await _sut.SearchAsync(new float[] { 1, 0, 0, 0 }, 5);

        var put = _http.Requests.Where(r => r.Method == "PUT").ShouldHaveSingleItem();
        put.Uri.Query.ShouldContain("api-version=2023-11-01");
        put.Authorization.ShouldBe("Bearer search-token");
        _credential.Scopes.ShouldContain("https://search.azure.com/.default");
        var index = put.Json;
        index.GetProperty("name").GetString().ShouldBe("artists");
        var fields = index.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        fields["id"].GetProperty("key").GetBoolean().ShouldBeTrue();
        fields["id"].GetProperty("type").GetString().ShouldBe("Edm.String");
        fields["vector"].GetProperty("type").GetString().ShouldBe("Collection(Edm.Single)");
        fields["vector"].GetProperty("dimensions").GetInt32().ShouldBe(Dimensions);
        fields["vector"].GetProperty("vectorSearchProfile").GetString().ShouldBe("artist-vectors");
        fields["vector"].GetProperty("searchable").GetBoolean().ShouldBeTrue();
        fields["country"].GetProperty("filterable").GetBoolean().ShouldBeTrue();
        fields["genres"].GetProperty("type").GetString().ShouldBe("Collection(Edm.String)");
        fields["genres"].GetProperty("filterable").GetBoolean().ShouldBeTrue();
        var vectorSearch = index.GetProperty("vectorSearch");
        var algorithm = vectorSearch.GetProperty("algorithms").EnumerateArray().ShouldHaveSingleItem();
        algorithm.GetProperty("name").GetString().ShouldBe("hnsw-cosine");
        algorithm.GetProperty("kind").GetString().ShouldBe("hnsw");
        algorithm.GetProperty("hnswParameters").GetProperty("metric").GetString().ShouldBe("cosine");
        var profile = vectorSearch.GetProperty("profiles").EnumerateArray().ShouldHaveSingleItem();
        profile.GetProperty("name").GetString().ShouldBe("artist-vectors");
        profile.GetProperty("algorithm").GetString().ShouldBe("hnsw-cosine");
        (index.TryGetProperty("semantic", out var semantic) ? semantic.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task UpsertAsync_SendsMergeOrUploadDocuments()
    {
        _next = (HttpStatusCode.OK, $$"""{ "value": [ { "key": "{{Id("a")}}", "status": true, "errorMessage": null, "statusCode": 200 } ] }""");

        await _sut.UpsertAsync([new VectorEntry(Id("a"), new float[] { 0.5f, 0.5f, 0, 0 }, "fr", ["Jazz", " jazz", "Soul"])]);

        var post = _http.Requests.Last();
        post.Method.ShouldBe("POST");
        post.Path.ShouldBe("/indexes('artists')/docs/search.index");
        var document = post.Json.GetProperty("value").EnumerateArray().ShouldHaveSingleItem();
        document.GetProperty("@search.action").GetString().ShouldBe("mergeOrUpload");
        document.GetProperty("id").GetString().ShouldBe(Id("a").Value);
        document.GetProperty("vector").EnumerateArray().Select(v => v.GetSingle()).ShouldBe([0.5f, 0.5f, 0, 0]);
        document.GetProperty("country").GetString().ShouldBe("FR");
        document.GetProperty("genres").EnumerateArray().Select(g => g.GetString()).ShouldBe(["jazz", "soul"]);
    }

    [Fact]
    public async Task UpsertAsync_ADocumentFails_Throws()
    {
        _next = ((HttpStatusCode)207, $$"""{ "value": [ { "key": "{{Id("a")}}", "status": false, "errorMessage": "Document is too large", "statusCode": 400 } ] }""");

        await Should.ThrowAsync<Exception>(() => _sut.UpsertAsync([new VectorEntry(Id("a"), new float[] { 1, 0, 0, 0 }, null, [])]));
    }

    [Fact]
    public async Task SearchAsync_SendsAVectorQueryWithAnEscapedFilter_AndReadsCosineBack()
    {
        _next = (HttpStatusCode.OK, $$"""
            {
              "value": [
                { "@search.score": 0.8, "id": "{{Id("b")}}" },
                { "@search.score": 1.0, "id": "{{Id("a")}}" }
              ]
            }
            """);

        var matches = await _sut.SearchAsync(new float[] { 0, 1, 0, 0 }, 3, new VectorFilter("fr", ["Rock", "o'brien"]));

        var post = _http.Requests.Last();
        post.Path.ShouldBe("/indexes('artists')/docs/search.post.search");
        var body = post.Json;
        var query = body.GetProperty("vectorQueries").EnumerateArray().ShouldHaveSingleItem();
        query.GetProperty("kind").GetString().ShouldBe("vector");
        query.GetProperty("vector").EnumerateArray().Select(v => v.GetSingle()).ShouldBe([0, 1, 0, 0]);
        query.GetProperty("fields").GetString().ShouldBe("vector");
        query.GetProperty("k").GetInt32().ShouldBe(3);
        body.GetProperty("vectorFilterMode").GetString().ShouldBe("preFilter");
        body.GetProperty("filter").GetString().ShouldBe("country eq 'FR' and genres/any(g: g eq 'rock' or g eq 'o''brien')");
        body.GetProperty("select").GetString().ShouldBe("id");
        body.GetProperty("top").GetInt32().ShouldBe(3);
        matches.Select(m => m.ArtistId).ShouldBe([Id("a"), Id("b")]);
        matches[0].Similarity.ShouldBe(1, 1e-9);
        matches[1].Similarity.ShouldBe(0.75, 1e-9);
    }

    [Fact]
    public async Task DeleteAsync_SendsADeleteAction()
    {
        _next = (HttpStatusCode.OK, $$"""{ "value": [ { "key": "{{Id("a")}}", "status": true, "errorMessage": null, "statusCode": 200 } ] }""");

        await _sut.DeleteAsync(Id("a"));

        var document = _http.Requests.Last().Json.GetProperty("value").EnumerateArray().ShouldHaveSingleItem();
        document.GetProperty("@search.action").GetString().ShouldBe("delete");
        document.GetProperty("id").GetString().ShouldBe(Id("a").Value);
    }

    [Fact]
    public async Task GetAsync_LooksTheKeysUpWithSearchIn_AndReadsTheDocuments()
    {
        _next = (HttpStatusCode.OK, $$"""
            { "value": [ { "@search.score": 1.0, "id": "{{Id("a")}}", "vector": [1, 0, 0, 0], "country": "FR", "genres": ["jazz"] } ] }
            """);

        var entries = await _sut.GetAsync([Id("a"), Id("b")]);

        _http.Requests.Last().Json.GetProperty("filter").GetString().ShouldBe($"search.in(id, '{Id("a")},{Id("b")}', ',')");
        var entry = entries.ShouldHaveSingleItem();
        entry.ArtistId.ShouldBe(Id("a"));
        entry.Vector.ToArray().ShouldBe([1f, 0, 0, 0]);
        entry.Country.ShouldBe("FR");
        entry.Genres.ShouldBe(["jazz"]);
    }

    [Fact]
    public async Task CountAsync_ReadsTheDocumentCount()
    {
        _next = (HttpStatusCode.OK, "42");

        (await _sut.CountAsync()).ShouldBe(42);
        _http.Requests.Last().Path.ShouldBe("/indexes('artists')/docs/$count");
    }

    [Fact]
    public async Task Writes_WrongDimensionsOrZeroVector_ThrowBeforeAnyRequest()
    {
        await Should.ThrowAsync<ArgumentException>(() => _sut.UpsertAsync([new VectorEntry(Id("a"), new float[] { 1, 0 }, null, [])]));
        await Should.ThrowAsync<ArgumentException>(() => _sut.SearchAsync(new float[Dimensions], 5));

        _http.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 0.0)]
    [InlineData(1.0 / 3, -1.0)]
    public void CosineOf_InvertsTheServicesCosineScore(double score, double cosine) => AzureSearchVectorIndex.CosineOf(score).ShouldBe(cosine, 1e-9);
}
