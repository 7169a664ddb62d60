namespace ExecOps.Workflows.Storage;

/// <summary>The schema in SQLite's SQL. The applied number lives in PRAGMA user_version.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<MigrationStep> Steps =
    [
        new(1, "aggregates, timeline, outbox, reminders, audit, counters, deliveries", """
            CREATE TABLE aggregates (
                kind TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL, version INTEGER NOT NULL,
                body TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (kind, id));
            CREATE INDEX ix_aggregates_state ON aggregates (kind, state);

            CREATE TABLE timeline (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, aggregate_id TEXT NOT NULL, at TEXT NOT NULL,
                actor TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL);
            CREATE INDEX ix_timeline_aggregate ON timeline (aggregate_id, seq);
            CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
            CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;

            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, text TEXT NOT NULL,
                subject_kind TEXT, subject_id TEXT, created_at TEXT NOT NULL, due_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0, delivered_at TEXT, failed_at TEXT, last_error TEXT);
            CREATE INDEX ix_outbox_pending ON outbox (delivered_at, failed_at, due_at);

            CREATE TABLE reminders (
                key TEXT PRIMARY KEY, kind TEXT NOT NULL, subject_id TEXT NOT NULL, due_at TEXT NOT NULL,
                scheduled_at TEXT NOT NULL, fired_at TEXT);

            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                subject TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

            CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

            CREATE TABLE processed_requests (key TEXT PRIMARY KEY, at TEXT NOT NULL, response TEXT NOT NULL);

            CREATE TABLE deliveries (
                message_id TEXT PRIMARY KEY, recipient TEXT NOT NULL, at TEXT NOT NULL, text TEXT NOT NULL, card TEXT);
            CREATE INDEX ix_deliveries_recipient ON deliveries (recipient, at);
            """),
        new(2, "outbox members, conversation references, inbox", """
            ALTER TABLE outbox ADD COLUMN members TEXT;

            CREATE TABLE inbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, key TEXT NOT NULL UNIQUE, payload TEXT NOT NULL,
                received_at TEXT NOT NULL, processed_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
            CREATE INDEX ix_inbox_pending ON inbox (processed_at, id);

            CREATE TABLE conversations (
                platform TEXT NOT NULL, name TEXT NOT NULL, reference TEXT NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (platform, name));
            """),
        new(3, "KPI observations, drilldown paths, release markers", """
            CREATE TABLE observations (
                domain TEXT NOT NULL, service TEXT NOT NULL, team TEXT NOT NULL,
                icp TEXT NOT NULL, size TEXT NOT NULL, region TEXT NOT NULL,
                kpi TEXT NOT NULL, at TEXT NOT NULL, value REAL NOT NULL, received_at TEXT NOT NULL,
                PRIMARY KEY (domain, service, team, icp, size, region, kpi, at)) WITHOUT ROWID;
            CREATE INDEX ix_observations_freshness ON observations (kpi, at);

            CREATE TABLE metric_paths (domain TEXT NOT NULL, service TEXT NOT NULL, team TEXT NOT NULL,
                PRIMARY KEY (domain, service, team)) WITHOUT ROWID;

            CREATE TABLE release_markers (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, service TEXT NOT NULL, summary TEXT NOT NULL, source TEXT NOT NULL);
            CREATE INDEX ix_release_markers_at ON release_markers (at);
            """),
        new(4, "aggregates by creation time, for the scoreboard's incident markers", """
            CREATE INDEX ix_aggregates_created ON aggregates (kind, created_at);
            """),
        new(5, "the outbox's waiting rows by recipient, for delivery lane by lane", """
            CREATE INDEX ix_outbox_lane ON outbox (recipient, id) WHERE delivered_at IS NULL AND failed_at IS NULL;
            """),
        new(6, "refusals of nobody in particular, counted per action and minute", """
            CREATE TABLE anonymous_refusals (action TEXT NOT NULL, minute TEXT NOT NULL, count INTEGER NOT NULL,
                PRIMARY KEY (action, minute)) WITHOUT ROWID;
            """),
        new(7, "leases for work one replica does at a time, the Data Protection key ring, claims on inbox requests", """
            CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL);

            CREATE TABLE data_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL, created_at TEXT NOT NULL);

            ALTER TABLE inbox ADD COLUMN claimed_by TEXT;
            ALTER TABLE inbox ADD COLUMN claimed_until TEXT;
            """),
        new(8, "compliance evidence, append-only, one row per control and reference", """
            CREATE TABLE evidence (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, control TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,
                reference TEXT NOT NULL, content TEXT NOT NULL, sha256 TEXT NOT NULL, happened_at TEXT NOT NULL,
                recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, UNIQUE (control, reference));
            CREATE INDEX ix_evidence_latest ON evidence (control, kind, happened_at);
            CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
            CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
            """),
        new(9, "spend, one row per day, provider and tags", """
            CREATE TABLE spend (
                day TEXT NOT NULL, provider TEXT NOT NULL, service TEXT NOT NULL, team TEXT NOT NULL, tenant TEXT NOT NULL, env TEXT NOT NULL,
                amount REAL NOT NULL, currency TEXT NOT NULL, expires TEXT, received_at TEXT NOT NULL,
                PRIMARY KEY (day, provider, service, team, tenant, env)) WITHOUT ROWID;
            CREATE INDEX ix_spend_service ON spend (service, day);
            """),
        new(10, "usage for unit costs; spend's daily totals by service, team, provider and untagged provider", """
            CREATE TABLE usage (day TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (metric, day)) WITHOUT ROWID;
            CREATE TABLE spend_totals (day TEXT NOT NULL, dimension TEXT NOT NULL, name TEXT NOT NULL, amount REAL NOT NULL, PRIMARY KEY (day, dimension, name)) WITHOUT ROWID;
            INSERT INTO spend_totals SELECT day, 'service', service, SUM(amount) FROM spend WHERE service <> '' GROUP BY day, service;
            INSERT INTO spend_totals SELECT day, 'team', team, SUM(amount) FROM spend WHERE team <> '' GROUP BY day, team;
            INSERT INTO spend_totals SELECT day, 'provider', provider, SUM(amount) FROM spend GROUP BY day, provider;
            INSERT INTO spend_totals SELECT day, 'untagged', provider, SUM(amount) FROM spend WHERE service = '' AND team = '' GROUP BY day, provider;
            """),
    ];
}
