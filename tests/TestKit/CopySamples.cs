using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;
using MonaSpark.Domain.Sources;

namespace MonaSpark.TestKit;

/// <summary>Briefs and drafts for the copywriting tests: the sample artist with a growing Spotify audience.</summary>
public static class CopySamples
{
    public const string Token = "tok3n-Ab_9";

    public static readonly SenderIdentity Sender = new("MonaSpark", "Artist Relations");

    public static readonly Uri PublicBase = new("https://monaspark.example");

    public static CopyLinks Links => CopyLinks.For(PublicBase, Token);

    /// <summary>Spotify 10,000 → 13,800 over 28 days (+38%), YouTube 2,100.</summary>
    public static IReadOnlyList<MetricSnapshot> History(ArtistId id) =>
    [
        new(id, SourceKind.Spotify, Samples.Epoch.AddDays(-29), 10_000),
        new(id, SourceKind.YouTube, Samples.Epoch.AddDays(-2), 2_100),
        new(id, SourceKind.Spotify, Samples.Epoch.AddDays(-1), 13_800),
    ];

    public static CopyBrief Brief(
        ContactChannel channel = ContactChannel.Email,
        string language = CopyLanguage.English,
        bool firstContact = true,
        CopyVariant? variant = null,
        string? profileText = null,
        Artist? artist = null,
        IReadOnlyList<MetricSnapshot>? history = null)
    {
        artist ??= Samples.Artist();
        history ??= History(artist.Id);
        var facts = CopyFacts.From(artist, history, Samples.Epoch, language);
        return new CopyBrief
        {
            ArtistId = artist.Id,
            Channel = channel,
            Language = language,
            Variant = variant ?? CopyVariant.DefaultFor(firstContact, facts),
            FirstContact = firstContact,
            Facts = facts,
            Sources = CopyFacts.SourcesOf(artist, history),
            Sender = Sender,
            Links = Links,
            ProfileText = PlainText.Clean(profileText ?? artist.Bio?.Value),
        };
    }

    /// <summary><paramref name="content"/> with the brief's notice appended: passes the notice rule.</summary>
    public static string Body(CopyBrief brief, string content) => PrivacyNotice.AppendTo(content, brief);
}
