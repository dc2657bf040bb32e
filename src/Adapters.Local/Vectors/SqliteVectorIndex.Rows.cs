using System.Text.Json;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;

namespace MonaSpark.Adapters.Local.Vectors;

public sealed partial class SqliteVectorIndex
{
    private const string UpsertSql = """
        INSERT INTO embeddings (artist_id, model, dimensions, vector, country, genres, updated_at, content_hash)
        VALUES (@id, @model, @dimensions, @vector, @country, @genres, @updated, @hash)
        ON CONFLICT (artist_id) DO UPDATE SET
            model = excluded.model, dimensions = excluded.dimensions, vector = excluded.vector,
            country = excluded.country, genres = excluded.genres, updated_at = excluded.updated_at,
            content_hash = excluded.content_hash;
        """;

    private Task SaveRowsAsync(IReadOnlyList<VectorEntry> rows, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var updated = SqliteCommands.ToTicks(time.GetUtcNow());
                foreach (var row in rows)
                {
                    await using var command = connection.Command(UpsertSql, transaction)
                        .With("@id", row.ArtistId.Value)
                        .With("@model", _options.Model)
                        .With("@dimensions", row.Vector.Length)
                        .With("@vector", Float32Bytes.Encode(row.Vector.Span))
                        .With("@country", row.Country?.ToUpperInvariant())
                        .With("@genres", JsonSerializer.Serialize(row.Genres.Select(VectorFilter.Normalise).Distinct(StringComparer.Ordinal).ToList()))
                        .With("@updated", updated)
                        .With("@hash", row.ContentHash);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                return rows.Count;
            },
            cancellationToken);

    private Task DeleteRowAsync(ArtistId artistId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command("DELETE FROM embeddings WHERE artist_id = @id;", transaction).With("@id", artistId.Value);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>Every row of this index's model; rows of another model (a previous one) stay in the file, unused.</summary>
    private Task<List<VectorEntry>> LoadRowsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command(
                    "SELECT artist_id, dimensions, vector, country, genres, content_hash FROM embeddings WHERE model = @model;")
                    .With("@model", _options.Model);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var rows = new List<VectorEntry>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    float[] vector;
                    try
                    {
                        vector = Float32Bytes.Decode((byte[])reader.GetValue(2));
                    }
                    catch (FormatException ex)
                    {
                        throw new InvalidDataException($"The embedding of {reader.GetString(0)} is not a whole number of float32 values.", ex);
                    }

                    if (vector.Length != reader.GetInt32(1))
                    {
                        throw new InvalidDataException($"Embedding of {reader.GetString(0)} has {vector.Length} values; its row says {reader.GetInt32(1)}.");
                    }

                    rows.Add(new VectorEntry(
                        new ArtistId(reader.GetString(0)),
                        vector,
                        reader.GetNullableString(3),
                        JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [])
                    {
                        ContentHash = reader.GetNullableString(5),
                    });
                }

                return rows;
            },
            cancellationToken);
}
