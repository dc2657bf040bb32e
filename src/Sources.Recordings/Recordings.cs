using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MonaSpark.Sources.Recordings;

/// <summary>
/// The recorded payloads, embedded in this assembly, in each API's documented shape: Spotify artist
/// objects, YouTube channel resources, SoundCloud users with their tracks and Instagram business
/// discovery objects. Many are the same artists under slightly different names and handles across
/// platforms (with shared website links), so resolution has real work; a few are invalid on purpose
/// (missing name, negative counts, bad URLs) and one SoundCloud user answers with truncated JSON.
/// </summary>
public sealed class Recordings
{
    private Recordings(JsonArray spotify, JsonArray youTube, JsonArray soundCloud, JsonArray instagram, IReadOnlyDictionary<long, string> rawSoundCloudUsers)
    {
        SpotifyArtists = spotify;
        YouTubeChannels = youTube;
        SoundCloudUsers = soundCloud;
        InstagramAccounts = instagram;
        RawSoundCloudUsers = rawSoundCloudUsers;
    }

    /// <summary>Spotify artist objects (<c>GET /v1/artists/{id}</c>).</summary>
    public JsonArray SpotifyArtists { get; }

    /// <summary>YouTube channel resources with <c>snippet</c> and <c>statistics</c>.</summary>
    public JsonArray YouTubeChannels { get; }

    /// <summary>SoundCloud envelopes <c>{ "user": …, "tracks": [ … ] }</c>.</summary>
    public JsonArray SoundCloudUsers { get; }

    /// <summary>Instagram <c>business_discovery</c> objects.</summary>
    public JsonArray InstagramAccounts { get; }

    /// <summary>SoundCloud users whose <c>GET /users/{id}</c> answers with this raw (broken) text instead.</summary>
    public IReadOnlyDictionary<long, string> RawSoundCloudUsers { get; }

    public static Recordings Load()
    {
        var assembly = typeof(Recordings).Assembly;
        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream($"Recordings.{name}")
                ?? throw new InvalidOperationException($"Recording '{name}' is not embedded.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        const string Prefix = "Recordings.soundcloud-user-";
        var raw = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".truncated.json", StringComparison.Ordinal))
            .ToDictionary(
                n => long.Parse(n[Prefix.Length..n.IndexOf('.', Prefix.Length)], CultureInfo.InvariantCulture),
                n => Read(n["Recordings.".Length..]));
        return new Recordings(
            (JsonArray)JsonNode.Parse(Read("spotify-artists.json"))!,
            (JsonArray)JsonNode.Parse(Read("youtube-channels.json"))!,
            (JsonArray)JsonNode.Parse(Read("soundcloud-users.json"))!,
            (JsonArray)JsonNode.Parse(Read("instagram-business.json"))!,
            raw);
    }
}
