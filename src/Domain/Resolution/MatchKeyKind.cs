namespace MonaSpark.Domain.Resolution;

/// <summary>What a <see cref="MatchKey"/> is made from.</summary>
public enum MatchKeyKind
{
    /// <summary>The <see cref="NameKey"/> of the artist's name.</summary>
    Name = 0,

    /// <summary>A profile or website address, see <see cref="MatchKeys.Link"/>.</summary>
    Link = 1,

    /// <summary>An e-mail address, see <see cref="MatchKeys.Email"/>.</summary>
    Email = 2,
}
