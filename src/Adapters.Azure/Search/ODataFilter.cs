using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Adapters.Azure.Search;

/// <summary>OData <c>$filter</c> expressions for the index; every value is a quoted, escaped literal.</summary>
internal static class ODataFilter
{
    /// <summary>A string literal: single quotes around, inner single quotes doubled (the OData rule).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Country equal and any genre among the wanted; null when the filter lets everything through.</summary>
    public static string? For(VectorFilter? filter)
    {
        var clauses = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter?.Country))
        {
            clauses.Add($"{AzureSearchIndexDefinition.Country} eq {Literal(filter.Country.Trim().ToUpperInvariant())}");
        }

        if (filter?.AnyGenre is { Count: > 0 } genres)
        {
            var any = string.Join(" or ", genres.Select(VectorFilter.Normalise).Distinct(StringComparer.Ordinal).Select(g => $"g eq {Literal(g)}"));
            clauses.Add($"{AzureSearchIndexDefinition.Genres}/any(g: {any})");
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    /// <summary>Keys among <paramref name="ids"/> (artist ids hold no comma, so the default delimiter is safe).</summary>
    public static string KeyIn(IEnumerable<ArtistId> ids) =>
        $"search.in({AzureSearchIndexDefinition.Key}, {Literal(string.Join(",", ids.Select(i => i.Value)))}, ',')";
}
