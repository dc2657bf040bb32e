using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MonaSpark.Edge.Assets;

namespace MonaSpark.Edge.Tests;

public sealed class StaticAssetsTests
{
    [Fact]
    public void Hashed_EveryAssetIsNamedByItsContent()
    {
        StaticAssets.All.Count.ShouldBe(3);
        foreach (var asset in StaticAssets.All)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(asset.Content))[..12];
            asset.Path.ShouldStartWith("/assets/");
            asset.Path.ShouldContain($".{hash}.");
            StaticAssets.Find(asset.Path).ShouldBeSameAs(asset);
        }

        StaticAssets.FormScript.ShouldEndWith(".js");
        StaticAssets.Manifest.ShouldEndWith(".webmanifest");
    }

    [Theory]
    [InlineData("/assets/form.js")]
    [InlineData("/assets/form.000000000000.js")]
    [InlineData("/assets/../sw.js")]
    [InlineData(null)]
    public void Find_AnyOtherName_IsNothing(string? path) => StaticAssets.Find(path).ShouldBeNull();

    [Fact]
    public void Compressed_BothWaysGiveTheContentBack()
    {
        foreach (var asset in StaticAssets.All.Append(StaticAssets.Worker))
        {
            using var brotli = new BrotliStream(new MemoryStream(asset.Brotli), CompressionMode.Decompress);
            using var gzip = new GZipStream(new MemoryStream(asset.Gzip), CompressionMode.Decompress);
            Read(brotli).ShouldBe(asset.Content);
            Read(gzip).ShouldBe(asset.Content);
        }
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public void For_TheBestEncodingTheClientTakes(string? accept, string? expected)
    {
        var asset = StaticAssets.Find(StaticAssets.FormScript)!;

        var (body, encoding) = asset.For(accept);

        encoding.ShouldBe(expected);
        body.ShouldBe(expected switch { "br" => asset.Brotli, "gzip" => asset.Gzip, _ => asset.Content });
    }

    [Fact]
    public void Worker_CachesTheCurrentAssetNames()
    {
        var worker = Encoding.UTF8.GetString(StaticAssets.Worker.Content);

        worker.ShouldNotContain("__ASSETS__");
        worker.ShouldNotContain("__VERSION__");
        foreach (var asset in StaticAssets.All)
        {
            worker.ShouldContain($"\"{asset.Path}\"");
        }
    }

    [Fact]
    public void Manifest_NamesTheAppAndItsHashedIcon()
    {
        var manifest = JsonDocument.Parse(StaticAssets.Find(StaticAssets.Manifest)!.Content).RootElement;

        manifest.GetProperty("name").GetString().ShouldBe("MonaSpark");
        manifest.GetProperty("display").GetString().ShouldBe("standalone");
        manifest.GetProperty("icons")[0].GetProperty("src").GetString().ShouldBe(StaticAssets.Icon);
        StaticAssets.Find(StaticAssets.Icon)!.ContentType.ShouldBe("image/svg+xml");
    }

    private static byte[] Read(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
