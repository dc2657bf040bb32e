using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Artists;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>The pure key and property encodings the stores rely on; no Azurite needed.</summary>
public sealed class StorageKeysTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(LargeText.ChunkLength)]
    [InlineData(LargeText.ChunkLength + 1)]
    [InlineData(3 * LargeText.ChunkLength + 7)]
    public void LargeText_AnyLength_RoundTrips(int length)
    {
        var text = new string('x', length);
        var entity = new TableEntity("p", "r");

        LargeText.Write(entity, "Payload", text);

        LargeText.Read(entity, "Payload").ShouldBe(text);
        entity.Keys.Where(k => k.StartsWith("Payload", StringComparison.Ordinal)).ShouldAllBe(k => k == "PayloadParts" || entity.GetString(k).Length <= LargeText.ChunkLength);
    }

    [Fact]
    public void LargeText_SurrogatePairOnAChunkBoundary_IsNotSplit()
    {
        var text = new string('a', LargeText.ChunkLength - 1) + "😀" + "tail";
        var entity = new TableEntity("p", "r");

        LargeText.Write(entity, "Payload", text);

        entity.GetString("Payload0").ShouldEndWith("a");
        entity.GetString("Payload1").ShouldStartWith("😀");
        LargeText.Read(entity, "Payload").ShouldBe(text);
    }

    [Fact]
    public void KeyEncoder_ForbiddenCharacters_AreEscapedAndStayDistinct()
    {
        var encoded = KeyEncoder.Encode("a/b\\c#d?e|f%g\nh");

        encoded.ShouldBe("a%2Fb%5Cc%23d%3Fe%7Cf%25g%0Ah");
        KeyEncoder.Encode("a%2F").ShouldNotBe(KeyEncoder.Encode("a/"));
        KeyEncoder.Encode("src-0123abc").ShouldBe("src-0123abc");
    }

    [Fact]
    public void PriorityKey_OrdinalOrder_IsDescendingPriorityThenAscendingId()
    {
        var a = new ArtistId("art-a");
        var b = new ArtistId("art-b");
        var keys = new[]
        {
            (Key: TableStorageLeadStore.PriorityKey(long.MinValue, a), Rank: 6),
            (Key: TableStorageLeadStore.PriorityKey(-1, a), Rank: 5),
            (Key: TableStorageLeadStore.PriorityKey(0, a), Rank: 4),
            (Key: TableStorageLeadStore.PriorityKey(5000, b), Rank: 3),
            (Key: TableStorageLeadStore.PriorityKey(5000, a), Rank: 2),
            (Key: TableStorageLeadStore.PriorityKey(long.MaxValue, a), Rank: 1),
        };

        keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Rank).ShouldBe([1, 2, 3, 4, 5, 6]);
    }
}
