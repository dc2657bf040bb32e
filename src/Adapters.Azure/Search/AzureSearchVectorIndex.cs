using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Models;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Azure.Search;

/// <summary>
/// <see cref="IVectorIndex"/> on Azure AI Search: one document per artist (<see cref="ArtistVectorDocument"/>)
/// in an index with a cosine HNSW vector field (<see cref="AzureSearchIndexDefinition"/>), created or
/// updated when the host starts (<see cref="AzureSearchIndexInitializer"/>), or at first use if that failed. Writes are merge-or-upload and delete by key; searches are vector queries
/// with an OData pre-filter. The service scores cosine matches as <c>1 / (1 + (1 − cos))</c>; the
/// similarity is turned back into the cosine.
/// </summary>
public sealed class AzureSearchVectorIndex : IVectorIndex, IDisposable
{
    /// <summary>Keys per lookup request: well within the service's limits on filter length.</summary>
    private const int LookupChunk = 500;

    private readonly SearchIndexClient _indexes;
    private readonly SearchClient _documents;
    private readonly AzureSearchOptions _options;
    private readonly SemaphoreSlim _initialise = new(1, 1);
    private volatile bool _initialised;

    public AzureSearchVectorIndex(SearchIndexClient indexes, IOptions<AzureSearchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        ArgumentNullException.ThrowIfNull(options);
        _indexes = indexes;
        _options = options.Value;
        _documents = indexes.GetSearchClient(_options.IndexName);
    }

    public async Task UpsertAsync(IReadOnlyList<VectorEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var documents = entries.GroupBy(e => e.ArtistId).Select(g => ToDocument(g.Last())).ToList();
        await EnsureIndexAsync(cancellationToken);
        await _documents.MergeOrUploadDocumentsAsync(documents, new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
    }

    public async Task DeleteAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        await _documents.DeleteDocumentsAsync(AzureSearchIndexDefinition.Key, [artistId.Value], new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        CheckVector(query, nameof(query));
        await EnsureIndexAsync(cancellationToken);
        var options = new SearchOptions
        {
            Size = top,
            Filter = ODataFilter.For(filter),
            VectorSearch = new VectorSearchOptions
            {
                Queries = { new VectorizedQuery(query) { KNearestNeighborsCount = top, Fields = { AzureSearchIndexDefinition.Vector } } },
                FilterMode = VectorFilterMode.PreFilter,
            },
        };
        options.Select.Add(AzureSearchIndexDefinition.Key);
        var response = await _documents.SearchAsync<ArtistVectorDocument>(searchText: null, options, cancellationToken);
        var matches = new List<VectorMatch>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            matches.Add(new VectorMatch(new ArtistId(result.Document.Id), CosineOf(result.Score)));
        }

        return matches.OrderByDescending(m => m.Similarity).ThenBy(m => m.ArtistId.Value, StringComparer.Ordinal).Take(top).ToList();
    }

    public async Task<IReadOnlyList<VectorEntry>> GetAsync(IReadOnlyCollection<ArtistId> artistIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artistIds);
        var entries = new List<VectorEntry>();
        if (artistIds.Count == 0)
        {
            return entries;
        }

        await EnsureIndexAsync(cancellationToken);
        foreach (var chunk in artistIds.Distinct().Chunk(LookupChunk))
        {
            var options = new SearchOptions { Filter = ODataFilter.KeyIn(chunk), Size = chunk.Length };
            var response = await _documents.SearchAsync<ArtistVectorDocument>(searchText: null, options, cancellationToken);
            await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
            {
                var document = result.Document;
                entries.Add(new VectorEntry(new ArtistId(document.Id), document.Vector, document.Country, document.Genres) { ContentHash = document.ContentHash });
            }
        }

        return entries;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        return (await _documents.GetDocumentCountAsync(cancellationToken)).Value;
    }

    public void Dispose() => _initialise.Dispose();

    /// <summary>The service's cosine score <c>1 / (2 − cos)</c>, back to the cosine, clamped against rounding.</summary>
    internal static double CosineOf(double? score) => score is double s && s > 0 ? Math.Clamp(2 - (1 / s), -1, 1) : -1;

    /// <summary>Creates or updates the index once per process; a failure is retried at the next call.</summary>
    internal async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_initialised)
        {
            return;
        }

        await _initialise.WaitAsync(cancellationToken);
        try
        {
            if (!_initialised)
            {
                await _indexes.CreateOrUpdateIndexAsync(AzureSearchIndexDefinition.Create(_options.IndexName, _options.Dimensions), cancellationToken: cancellationToken);
                _initialised = true;
            }
        }
        finally
        {
            _initialise.Release();
        }
    }

    private ArtistVectorDocument ToDocument(VectorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        CheckVector(entry.Vector, nameof(entry));
        return new ArtistVectorDocument
        {
            Id = entry.ArtistId.Value,
            Vector = entry.Vector.ToArray(),
            Country = entry.Country?.ToUpperInvariant(),
            Genres = [.. entry.Genres.Select(VectorFilter.Normalise).Distinct(StringComparer.Ordinal)],
            ContentHash = entry.ContentHash,
        };
    }

    private void CheckVector(ReadOnlyMemory<float> vector, string parameterName)
    {
        if (vector.Length != _options.Dimensions)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; the index holds {_options.Dimensions}.", parameterName);
        }

        var span = vector.Span;
        var any = false;
        foreach (var x in span)
        {
            if (!float.IsFinite(x))
            {
                throw new ArgumentException("The vector is not finite.", parameterName);
            }

            any |= x != 0;
        }

        if (!any)
        {
            throw new ArgumentException("The vector is all zeros: it has no direction.", parameterName);
        }
    }
}
