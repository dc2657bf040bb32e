namespace MonaSpark.Adapters.Azure.Storage;

/// <summary>Logical table names; <see cref="StorageTables"/> adds the configured prefix.</summary>
internal static class TableNames
{
    public const string Artists = "artists";
    public const string Journal = "journal";
    public const string Quarantine = "quarantine";
    public const string SourceRecords = "sourcerecords";
    public const string Leads = "leads";
    public const string DeadLetters = "deadletters";
    public const string WorkPending = "workpending";
    public const string SourceCursors = "sourcecursors";
    public const string MatchReviews = "matchreviews";
    public const string Checkpoints = "checkpoints";
    public const string Features = "features";
    public const string Models = "models";
    public const string ReadModels = "readmodels";
    public const string Contacts = "contacts";
    public const string Suppression = "suppression";
    public const string OutreachMessages = "outreachmessages";
    public const string SenderLedger = "senderledger";
    public const string RateLimits = "ratelimits";
    public const string OneTimeTokens = "onetimetokens";

    public static readonly IReadOnlyList<string> All = [Artists, Journal, Quarantine, SourceRecords, Leads, DeadLetters, WorkPending, SourceCursors, MatchReviews, Checkpoints, Features, Models, ReadModels, Contacts, Suppression, OutreachMessages, SenderLedger, RateLimits, OneTimeTokens];
}
