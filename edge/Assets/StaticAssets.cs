using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonaSpark.Edge.Assets;

/// <summary>
/// One static asset: its content, compressed ahead (brotli and gzip, so both hosts serve the same
/// bytes without a compression middleware) and its entity tag.
/// </summary>
public sealed record StaticAsset(string Path, string ContentType, byte[] Content, byte[] Brotli, byte[] Gzip, string ETag)
{
    /// <summary>The body for a request's <c>Accept-Encoding</c>: brotli, else gzip, else as is (null encoding).</summary>
    public (byte[] Body, string? Encoding) For(string? acceptEncoding)
    {
        if (Accepts(acceptEncoding, "br") && Brotli.Length < Content.Length)
        {
            return (Brotli, "br");
        }

        return Accepts(acceptEncoding, "gzip") && Gzip.Length < Content.Length ? (Gzip, "gzip") : (Content, null);
    }

    private static bool Accepts(string? acceptEncoding, string coding)
    {
        foreach (var part in (acceptEncoding ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (string.Equals(pieces[0], coding, StringComparison.OrdinalIgnoreCase))
            {
                return !pieces.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
            }
        }

        return false;
    }
}

/// <summary>
/// The static assets of the pages, built into this assembly: the form's enhancing script, the web app
/// manifest and its icon under <c>/assets/{name}.{hash}.{ext}</c>, where the hash is of the content, so
/// they are cached for a year as immutable (a new version is a new name); and the service worker at
/// the fixed <c>/sw.js</c> (a worker's URL cannot change), revalidated on every use, which lists the
/// current asset names for its cache.
/// </summary>
public static class StaticAssets
{
    /// <summary>Cache-Control of a content-hashed asset.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>Cache-Control of the service worker: always revalidated (ETag), so a new version is picked up.</summary>
    public const string WorkerCacheControl = "no-cache";

    /// <summary>Where the service worker is served; it controls <c>/l/</c>.</summary>
    public const string WorkerPath = "/sw.js";

    /// <summary>The theme colour of the pages and the installed app.</summary>
    public const string ThemeColor = "#c2185b";

    private static readonly Lazy<Catalog> Built = new(Build);

    /// <summary>The onboarding form's enhancing script.</summary>
    public static string FormScript => Built.Value.FormScript.Path;

    /// <summary>The web app manifest.</summary>
    public static string Manifest => Built.Value.Manifest.Path;

    /// <summary>The app icon (SVG).</summary>
    public static string Icon => Built.Value.Icon.Path;

    /// <summary>The pages' icon link (the app icon; without it browsers ask for <c>/favicon.ico</c>).</summary>
    public static string IconLink => $"<link rel=\"icon\" type=\"image/svg+xml\" href=\"{Icon}\">";

    /// <summary>The service worker, with the asset names of this build.</summary>
    public static StaticAsset Worker => Built.Value.Worker;

    /// <summary>Every content-hashed asset.</summary>
    public static IReadOnlyCollection<StaticAsset> All => Built.Value.ByPath.Values;

    /// <summary>The asset at <paramref name="path"/> (<c>/assets/…</c> with the current hash), or null.</summary>
    public static StaticAsset? Find(string? path) =>
        path is not null && Built.Value.ByPath.TryGetValue(path, out var asset) ? asset : null;

    private static Catalog Build()
    {
        var icon = Hashed("icon", ".svg", "image/svg+xml", Resource("icon.svg"));
        var manifest = Hashed("manifest", ".webmanifest", "application/manifest+json", Encoding.UTF8.GetBytes(ManifestJson(icon.Path)));
        var form = Hashed("form", ".js", "text/javascript; charset=utf-8", Resource("form.js"));
        var assets = new[] { icon, manifest, form };
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', assets.Select(a => a.Path)))))[..12];
        var worker = Encoding.UTF8.GetString(Resource("sw.js"))
            .Replace("__VERSION__", version, StringComparison.Ordinal)
            .Replace("__ASSETS__", JsonSerializer.Serialize(assets.Select(a => a.Path).ToArray(), Json), StringComparison.Ordinal);
        return new Catalog(form, manifest, icon, Asset(WorkerPath, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(worker)), assets.ToFrozenDictionary(a => a.Path, StringComparer.Ordinal));
    }

    private static readonly JsonSerializerOptions Json = new();

    private static string ManifestJson(string iconPath) => new JsonObject
    {
        ["name"] = "MonaSpark",
        ["short_name"] = "MonaSpark",
        ["description"] = "Your MonaSpark sign-up and account",
        ["start_url"] = "/portal",
        ["scope"] = "/",
        ["display"] = "standalone",
        ["background_color"] = "#ffffff",
        ["theme_color"] = ThemeColor,
        ["icons"] = new JsonArray(new JsonObject { ["src"] = iconPath, ["sizes"] = "any", ["type"] = "image/svg+xml", ["purpose"] = "any" }),
    }.ToJsonString();

    private static StaticAsset Hashed(string stem, string extension, string contentType, byte[] content) =>
        Asset($"/assets/{stem}.{Convert.ToHexStringLower(SHA256.HashData(content))[..12]}{extension}", contentType, content);

    private static StaticAsset Asset(string path, string contentType, byte[] content)
    {
        using var brotli = new MemoryStream();
        using (var stream = new BrotliStream(brotli, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            stream.Write(content);
        }

        using var gzip = new MemoryStream();
        using (var stream = new GZipStream(gzip, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            stream.Write(content);
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"";
        return new StaticAsset(path, contentType, content, brotli.ToArray(), gzip.ToArray(), etag);
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream($"MonaSpark.Edge.Assets.{name}")
            ?? throw new InvalidOperationException($"The asset {name} is not built into {typeof(StaticAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record Catalog(StaticAsset FormScript, StaticAsset Manifest, StaticAsset Icon, StaticAsset Worker, FrozenDictionary<string, StaticAsset> ByPath);
}
