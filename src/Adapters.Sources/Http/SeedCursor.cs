using System.Globalization;

namespace MonaSpark.Adapters.Sources.Http;

/// <summary>
/// A connector's position in its seeds, as <c>stage:index[:position]</c>: <c>ids:50</c> is the
/// 51st configured id, <c>search:1:100</c> the second query at offset 100 (or a page token). Plain
/// text so an operator can read or reset it.
/// </summary>
internal readonly record struct SeedCursor(string Stage, int Index, string? Position)
{
    public const string Ids = "ids";
    public const string Search = "search";

    public static SeedCursor Parse(string? cursor, string source, string firstStage)
    {
        if (cursor is null)
        {
            return new SeedCursor(firstStage, 0, null);
        }

        var parts = cursor.Split(':', 3);
        if (parts.Length < 2 || parts[0] is not (Ids or Search) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new SourceConnectorException($"{source}: '{cursor}' is not a cursor of this connector (expected ids:N or search:N[:position]).");
        }

        return new SeedCursor(parts[0], index, parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null);
    }

    public int Offset => Position is null ? 0 : int.Parse(Position, NumberStyles.None, CultureInfo.InvariantCulture);

    public override string ToString() => Position is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Stage}:{Index}")
        : string.Create(CultureInfo.InvariantCulture, $"{Stage}:{Index}:{Position}");
}
