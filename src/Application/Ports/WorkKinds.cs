namespace MonaSpark.Application.Ports;

/// <summary>The kinds of work item, one per handler.</summary>
public static class WorkKinds
{
    /// <summary>Validate a landed source record and resolve it into an artist (subject: source record id).</summary>
    public const string ProcessSourceRecord = "process-record";

    /// <summary>Fetch one deferred reference of a source (a web page) and land it (subject: <c>connector-key:reference</c>, see <c>PageWork</c>).</summary>
    public const string FetchPage = "fetch-page";

    /// <summary>Score an artist as a lead (subject: artist id).</summary>
    public const string ScoreArtist = "score-artist";

    /// <summary>Embed an artist's profile text into the vector index, or remove a merged or erased artist from it (subject: artist id).</summary>
    public const string EmbedArtist = "embed-artist";

    /// <summary>Send one stored outreach message after every check (subject: <c>{message id}#{dispatch}</c>, see <c>OutreachSends</c>).</summary>
    public const string SendMessage = "send-message";
}
