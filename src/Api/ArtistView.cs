using MonaSpark.Application.Queries;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Api;

/// <summary>An artist as the API shows it: each field with where and when it was observed.</summary>
/// <param name="Growth">Follower growth over 7, 28 and 90 days (<see cref="Domain.Artists.Growth"/>).</param>
/// <param name="MergedFrom">Ids of the artists merged into this one; they answer with this profile.</param>
/// <param name="MergedInto">
/// Set when the id asked for was merged away: the survivor's id, which is also <see cref="Id"/>.
/// </param>
public sealed record ArtistView(
    string Id,
    FieldView<string> Name,
    FieldView<string>? Bio,
    FieldView<string>? Country,
    FieldView<IReadOnlyList<string>>? Genres,
    FieldView<string>? ImageUrl,
    IReadOnlyList<ProfileView> Profiles,
    IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<MetricView> Metrics,
    LeadView? Lead,
    long Version,
    IReadOnlyList<GrowthView> Growth,
    IReadOnlyList<string> MergedFrom,
    string? MergedInto = null,
    string? LandingUrl = null)
{
    public static ArtistView From(Artist artist, IReadOnlyList<MetricSnapshot> snapshots, Lead? lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(artist);
        return new ArtistView(
            artist.Id.Value,
            FieldView.Of(artist.Name, v => v)!,
            FieldView.Of(artist.Bio, v => v),
            FieldView.Of(artist.Country, v => v.Value),
            FieldView.Of(artist.Genres, v => v),
            FieldView.Of(artist.ImageUrl, v => v.ToString()),
            artist.Profiles.Select(p => new ProfileView(p.Platform.ToString(), p.ExternalId, p.Url.ToString(), ProvenanceView.Of(p.Provenance))).ToList(),
            artist.ContactPoints.Select(c => new ContactView(c.Channel.ToString(), c.Address, c.LawfulBasis.ToString(), c.IsBusinessContact, ProvenanceView.Of(c.Provenance))).ToList(),
            snapshots.Select(s => new MetricView(s.Platform.ToString(), s.ObservedAt, s.Followers, s.Plays, s.Popularity)).ToList(),
            lead?.Score is null ? null : LeadView.From(lead),
            artist.Version,
            Domain.Artists.Growth.StandardWindows.Select(w => GrowthView.Of(Domain.Artists.Growth.Over(snapshots, w, asOf))).ToList(),
            artist.MergedFrom.Select(m => m.Value).ToList());
    }
}

public sealed record FieldView<T>(T Value, ProvenanceView Provenance);

public static class FieldView
{
    public static FieldView<TOut>? Of<TIn, TOut>(Sourced<TIn>? field, Func<TIn, TOut> map) =>
        field is null ? null : new FieldView<TOut>(map(field.Value), ProvenanceView.Of(field.Provenance));
}

public sealed record ProvenanceView(string Source, string? SourceRecordId, DateTimeOffset ObservedAt)
{
    public static ProvenanceView Of(Provenance p) => new(p.Source.ToString(), p.SourceRecordId, p.ObservedAt);
}

public sealed record ProfileView(string Platform, string ExternalId, string Url, ProvenanceView Provenance);

public sealed record ContactView(string Channel, string Address, string LawfulBasis, bool IsBusinessContact, ProvenanceView Provenance);

public sealed record MetricView(string Platform, DateTimeOffset ObservedAt, long Followers, long? Plays, int? Popularity);
