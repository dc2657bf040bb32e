using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IFeatureStore"/> on the shared SQLite file: one row per (artist, feature set, as-of),
/// the values as float32 bytes. The primary key is the point-in-time index: the latest row at or
/// before a time is one descending range read.
/// </summary>
public sealed class SqliteFeatureStore(SqliteDatabase database) : IFeatureStore
{
    public Task SaveAsync(FeatureVector vector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return database.WriteAsync(
            (connection, transaction) => connection.WithCommandAsync(
                "INSERT OR IGNORE INTO features (artist_id, feature_set, as_of, vector) VALUES (@artist, @set, @asOf, @vector);",
                transaction,
                insert => insert
                    .With("@artist", vector.ArtistId.Value)
                    .With("@set", vector.FeatureSet)
                    .With("@asOf", SqliteCommands.ToTicks(vector.AsOf))
                    .With("@vector", vector.ValuesToBytes())
                    .ExecuteNonQueryAsync(cancellationToken)),
            cancellationToken);
    }

    public Task<FeatureVector?> GetAsOfAsync(ArtistId artistId, string featureSet, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(featureSet);
        return database.ReadAsync(
            connection => connection.WithCommandAsync(
                """
                SELECT as_of, vector FROM features
                WHERE artist_id = @artist AND feature_set = @set AND as_of <= @asOf
                ORDER BY as_of DESC LIMIT 1;
                """,
                null,
                async select =>
                {
                    select.With("@artist", artistId.Value).With("@set", featureSet).With("@asOf", SqliteCommands.ToTicks(asOf));
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    return await reader.ReadAsync(cancellationToken)
                        ? new FeatureVector(artistId, featureSet, reader.GetTicksAsTime(0), FeatureVector.ValuesFromBytes((byte[])reader.GetValue(1)))
                        : null;
                }),
            cancellationToken);
    }
}
