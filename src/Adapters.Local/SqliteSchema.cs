namespace MonaSpark.Adapters.Local;

/// <summary>
/// The schema, one script per version. Entities are JSON documents plus the columns their queries
/// filter or sort on; times are UTC ticks (INTEGER) so they sort and compare exactly.
/// </summary>
internal static class SqliteSchema
{
    public const string Version1 = """
        CREATE TABLE artists (
            id          TEXT    NOT NULL PRIMARY KEY,
            version     INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL,
            json        TEXT    NOT NULL
        );

        CREATE TABLE artist_profiles (
            platform    TEXT    NOT NULL,
            external_id TEXT    NOT NULL,
            artist_id   TEXT    NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
            PRIMARY KEY (platform, external_id)
        );
        CREATE INDEX ix_artist_profiles_artist ON artist_profiles (artist_id);

        CREATE TABLE snapshots (
            artist_id   TEXT    NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
            platform    TEXT    NOT NULL,
            observed_at INTEGER NOT NULL,
            followers   INTEGER NOT NULL,
            plays       INTEGER NULL,
            popularity  INTEGER NULL,
            PRIMARY KEY (artist_id, platform, observed_at)
        );
        CREATE INDEX ix_snapshots_artist_time ON snapshots (artist_id, observed_at);

        CREATE TABLE leads (
            artist_id   TEXT    NOT NULL PRIMARY KEY,
            version     INTEGER NOT NULL,
            priority    INTEGER NOT NULL,
            stage       TEXT    NOT NULL,
            scored      INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL,
            json        TEXT    NOT NULL
        );
        CREATE INDEX ix_leads_priority ON leads (scored, priority DESC, artist_id);
        CREATE INDEX ix_leads_stage ON leads (stage);

        CREATE TABLE source_records (
            id          TEXT    NOT NULL PRIMARY KEY,
            source      TEXT    NOT NULL,
            external_id TEXT    NOT NULL,
            payload     TEXT    NOT NULL,
            fetched_at  INTEGER NOT NULL,
            status      TEXT    NOT NULL
        );
        CREATE INDEX ix_source_records_status ON source_records (status);

        CREATE TABLE quarantine (
            source_record_id TEXT    NOT NULL PRIMARY KEY,
            quarantined_at   INTEGER NOT NULL,
            json             TEXT    NOT NULL
        );
        CREATE INDEX ix_quarantine_time ON quarantine (quarantined_at DESC);

        CREATE TABLE quarantine_reasons (
            source_record_id TEXT NOT NULL REFERENCES quarantine (source_record_id) ON DELETE CASCADE,
            code             TEXT NOT NULL,
            PRIMARY KEY (source_record_id, code)
        );
        CREATE INDEX ix_quarantine_reasons_code ON quarantine_reasons (code);

        CREATE TABLE journal (
            position    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            stream_id   TEXT    NOT NULL,
            type        TEXT    NOT NULL,
            occurred_at INTEGER NOT NULL,
            data        TEXT    NOT NULL,
            recorded_at INTEGER NOT NULL
        );
        CREATE INDEX ix_journal_stream ON journal (stream_id, position);

        CREATE TABLE work_items (
            id          TEXT    NOT NULL PRIMARY KEY,
            kind        TEXT    NOT NULL,
            subject_id  TEXT    NOT NULL,
            attempts    INTEGER NOT NULL,
            visible_at  INTEGER NOT NULL,
            lease_token TEXT    NULL,
            last_error  TEXT    NULL,
            enqueued_at INTEGER NOT NULL
        );
        CREATE INDEX ix_work_items_visible ON work_items (visible_at);

        CREATE TABLE dead_letters (
            id               TEXT    NOT NULL,
            kind             TEXT    NOT NULL,
            subject_id       TEXT    NOT NULL,
            attempts         INTEGER NOT NULL,
            reason           TEXT    NOT NULL,
            dead_lettered_at INTEGER NOT NULL
        );
        """;

    /// <summary>Version 2: where each source connector is in its sync (ingestion).</summary>
    public const string Version2 = """
        CREATE TABLE source_cursors (
            connector_key     TEXT    NOT NULL PRIMARY KEY,
            cursor            TEXT    NULL,
            updated_at        INTEGER NOT NULL,
            last_completed_at INTEGER NULL
        );
        """;

    /// <summary>
    /// Version 3: resolution. The survivor a tombstone points to (counts skip tombstones), the keys
    /// an artist is found by when no platform id is shared (name key, links, e-mails; computed by
    /// the Domain at save and, for existing artists, by the backfill that runs with this script),
    /// and the list of possible duplicates waiting for review.
    /// </summary>
    public const string Version3 = """
        ALTER TABLE artists ADD COLUMN merged_into TEXT NULL;

        CREATE TABLE artist_keys (
            kind        TEXT    NOT NULL,
            key         TEXT    NOT NULL,
            artist_id   TEXT    NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
            PRIMARY KEY (kind, key, artist_id)
        );
        CREATE INDEX ix_artist_keys_artist ON artist_keys (artist_id);

        CREATE TABLE match_reviews (
            id          TEXT    NOT NULL PRIMARY KEY,
            status      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            json        TEXT    NOT NULL
        );
        CREATE INDEX ix_match_reviews_status ON match_reviews (status, created_at, id);
        """;

    /// <summary>
    /// Version 4: intelligence. Artist embeddings for the in-process vector index (the vector as
    /// little-endian float32 bytes, with the fields searches filter on); feature vectors by feature-set
    /// version and as-of time, so training reads each artist as it was at a label's time; and the model
    /// registry (serialised models with their metrics, and which one is champion or challenger per kind).
    /// </summary>
    public const string Version4 = """
        CREATE TABLE embeddings (
            artist_id   TEXT    NOT NULL PRIMARY KEY,
            model       TEXT    NOT NULL,
            dimensions  INTEGER NOT NULL,
            vector      BLOB    NOT NULL,
            country     TEXT    NULL,
            genres      TEXT    NOT NULL,
            updated_at  INTEGER NOT NULL
        );

        CREATE TABLE features (
            artist_id   TEXT    NOT NULL,
            feature_set TEXT    NOT NULL,
            as_of       INTEGER NOT NULL,
            vector      BLOB    NOT NULL,
            PRIMARY KEY (artist_id, feature_set, as_of)
        );

        CREATE TABLE models (
            id          TEXT    NOT NULL PRIMARY KEY,
            kind        TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            json        TEXT    NOT NULL,
            content     BLOB    NOT NULL
        );
        CREATE INDEX ix_models_kind ON models (kind, created_at);

        CREATE TABLE model_roles (
            kind        TEXT    NOT NULL,
            role        TEXT    NOT NULL,
            model_id    TEXT    NOT NULL REFERENCES models (id),
            PRIMARY KEY (kind, role)
        );
        """;

    /// <summary>
    /// Version 5: what each embedding was computed from (a hash of model and text), so an artist whose
    /// profile text did not change is not embedded again at every sync.
    /// </summary>
    public const string Version5 = """
        ALTER TABLE embeddings ADD COLUMN content_hash TEXT NULL;
        """;

    /// <summary>Version 6: read models (projections of the journal) and each projection's checkpoint.</summary>
    public const string Version6 = """
        CREATE TABLE read_models (
            projection  TEXT    NOT NULL,
            key         TEXT    NOT NULL,
            json        TEXT    NOT NULL,
            position    INTEGER NOT NULL,
            PRIMARY KEY (projection, key)
        );

        CREATE TABLE projection_checkpoints (
            projection  TEXT    NOT NULL PRIMARY KEY,
            position    INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// Version 7: what the send policy checks before every send. Consent decisions and objections
    /// per person (an objection's channel is <c>*</c> for every channel), suppressed addresses, and
    /// the sends per person (once per message) for the shared frequency cap.
    /// </summary>
    public const string Version7 = """
        CREATE TABLE consents (
            artist_id   TEXT    NOT NULL,
            channel     TEXT    NOT NULL,
            decided_at  INTEGER NOT NULL,
            json        TEXT    NOT NULL,
            PRIMARY KEY (artist_id, channel, decided_at)
        );

        CREATE TABLE opt_outs (
            artist_id   TEXT    NOT NULL,
            channel     TEXT    NOT NULL,
            at          INTEGER NOT NULL,
            PRIMARY KEY (artist_id, channel, at)
        );

        CREATE TABLE suppressed_addresses (
            address     TEXT    NOT NULL PRIMARY KEY,
            reason      TEXT    NOT NULL,
            at          INTEGER NOT NULL
        );

        CREATE TABLE sends (
            message_id  TEXT    NOT NULL PRIMARY KEY,
            artist_id   TEXT    NOT NULL,
            channel     TEXT    NOT NULL,
            at          INTEGER NOT NULL
        );
        CREATE INDEX ix_sends_artist ON sends (artist_id, at);
        """;

    /// <summary>
    /// Version 8: outreach. The outbox of drafted messages (JSON plus the columns the queries use: the
    /// artist for export and erasure, the creation time for the lists, the provider's id for webhooks)
    /// and the sender ledger: one row per sender (first send day, pause), one per quota reservation
    /// (keyed by the send's idempotency key, counted per day) and one per delivery outcome (once per
    /// message and kind, counted over a window).
    /// </summary>
    public const string Version8 = """
        CREATE TABLE outreach_messages (
            id                  TEXT    NOT NULL PRIMARY KEY,
            artist_id           TEXT    NOT NULL,
            created_at          INTEGER NOT NULL,
            provider_message_id TEXT    NULL,
            recipient           TEXT    NOT NULL,
            json                TEXT    NOT NULL
        );
        CREATE INDEX ix_outreach_messages_recipient ON outreach_messages (recipient, created_at DESC, id);
        CREATE INDEX ix_outreach_messages_artist ON outreach_messages (artist_id, created_at, id);
        CREATE INDEX ix_outreach_messages_created ON outreach_messages (created_at DESC, id);
        CREATE INDEX ix_outreach_messages_provider ON outreach_messages (provider_message_id) WHERE provider_message_id IS NOT NULL;

        CREATE TABLE senders (
            sender          TEXT    NOT NULL PRIMARY KEY,
            first_send_day  INTEGER NULL,
            paused_at       INTEGER NULL,
            pause_reason    TEXT    NULL,
            resumed_at      INTEGER NULL
        );

        CREATE TABLE sender_reservations (
            sender      TEXT    NOT NULL,
            key         TEXT    NOT NULL,
            day         INTEGER NOT NULL,
            PRIMARY KEY (sender, key)
        );
        CREATE INDEX ix_sender_reservations_day ON sender_reservations (sender, day);

        CREATE TABLE sender_outcomes (
            sender      TEXT    NOT NULL,
            message_id  TEXT    NOT NULL,
            outcome     TEXT    NOT NULL,
            at          INTEGER NOT NULL,
            PRIMARY KEY (sender, message_id, outcome)
        );
        CREATE INDEX ix_sender_outcomes_time ON sender_outcomes (sender, at);
        """;

    /// <summary>
    /// Version 9: one-time tokens (the portal's sign-in links and allowances): the primary key makes a
    /// second insert of an id fail, so an id is consumed once; rows past their expiry are purged.
    /// </summary>
    public const string Version9 = """
        CREATE TABLE one_time_tokens (
            id          TEXT    NOT NULL PRIMARY KEY,
            expires_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_one_time_tokens_expiry ON one_time_tokens (expires_at);
        """;
}
