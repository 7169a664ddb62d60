namespace ExecOps.Workflows.Storage;

/// <summary>
/// The schema in PostgreSQL's SQL: the same steps as <see cref="SqliteSchema"/> under the same numbers.
/// Instants stay ISO-8601 text, as on SQLite, so the rows read and compare them the same way on both.
/// Deliveries carry a <c>seq</c> where SQLite has its rowid. The applied steps are rows of schema_migrations.
/// </summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<MigrationStep> Steps =
    [
        new(1, "aggregates, timeline, outbox, reminders, audit, counters, deliveries", """
            CREATE TABLE aggregates (
                kind text NOT NULL, id text NOT NULL, state text NOT NULL, version bigint NOT NULL,
                body text NOT NULL, created_at text NOT NULL, updated_at text NOT NULL,
                PRIMARY KEY (kind, id));
            CREATE INDEX ix_aggregates_state ON aggregates (kind, state);
            CREATE INDEX ix_aggregates_id_nocase ON aggregates (kind, lower(id));

            CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END
            $body$;

            CREATE TABLE timeline (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, aggregate_id text NOT NULL, at text NOT NULL,
                actor text NOT NULL, kind text NOT NULL, text text NOT NULL);
            CREATE INDEX ix_timeline_aggregate ON timeline (aggregate_id, seq);
            CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline FOR EACH ROW EXECUTE FUNCTION refuse_change('the timeline is append-only');
            CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline FOR EACH ROW EXECUTE FUNCTION refuse_change('the timeline is append-only');

            CREATE TABLE outbox (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recipient text NOT NULL, text text NOT NULL,
                subject_kind text, subject_id text, created_at text NOT NULL, due_at text NOT NULL,
                attempts integer NOT NULL DEFAULT 0, delivered_at text, failed_at text, last_error text);
            CREATE INDEX ix_outbox_pending ON outbox (delivered_at, failed_at, due_at);

            CREATE TABLE reminders (
                key text PRIMARY KEY, kind text NOT NULL, subject_id text NOT NULL, due_at text NOT NULL,
                scheduled_at text NOT NULL, fired_at text);

            CREATE TABLE audit (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at text NOT NULL, actor text NOT NULL, action text NOT NULL,
                subject text NOT NULL, outcome text NOT NULL, detail text NOT NULL, previous_hash text NOT NULL, hash text NOT NULL);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');

            CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);

            CREATE TABLE processed_requests (key text PRIMARY KEY, at text NOT NULL, response text NOT NULL);

            CREATE TABLE deliveries (
                message_id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, recipient text NOT NULL, at text NOT NULL, text text NOT NULL, card text);
            CREATE INDEX ix_deliveries_recipient ON deliveries (recipient, at);
            CREATE INDEX ix_deliveries_recipient_nocase ON deliveries (lower(recipient), at);
            """),
        new(2, "outbox members, conversation references, inbox", """
            ALTER TABLE outbox ADD COLUMN members text;

            CREATE TABLE inbox (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, source text NOT NULL, key text NOT NULL UNIQUE, payload text NOT NULL,
                received_at text NOT NULL, processed_at text, attempts integer NOT NULL DEFAULT 0, last_error text);
            CREATE INDEX ix_inbox_pending ON inbox (processed_at, id);

            CREATE TABLE conversations (
                platform text NOT NULL, name text NOT NULL, reference text NOT NULL, created_at text NOT NULL,
                PRIMARY KEY (platform, name));
            """),
        new(3, "KPI observations, drilldown paths, release markers", """
            CREATE TABLE observations (
                domain text NOT NULL, service text NOT NULL, team text NOT NULL,
                icp text NOT NULL, size text NOT NULL, region text NOT NULL,
                kpi text NOT NULL, at text NOT NULL, value double precision NOT NULL, received_at text NOT NULL,
                PRIMARY KEY (domain, service, team, icp, size, region, kpi, at));
            CREATE INDEX ix_observations_freshness ON observations (kpi, at);

            CREATE TABLE metric_paths (domain text NOT NULL, service text NOT NULL, team text NOT NULL,
                PRIMARY KEY (domain, service, team));

            CREATE TABLE release_markers (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at text NOT NULL, service text NOT NULL, summary text NOT NULL, source text NOT NULL);
            CREATE INDEX ix_release_markers_at ON release_markers (at);
            """),
        new(4, "aggregates by creation time, for the scoreboard's incident markers", """
            CREATE INDEX ix_aggregates_created ON aggregates (kind, created_at);
            """),
        new(5, "the outbox's waiting rows by recipient, for delivery lane by lane", """
            CREATE INDEX ix_outbox_lane ON outbox (recipient, id) WHERE delivered_at IS NULL AND failed_at IS NULL;
            """),
        new(6, "refusals of nobody in particular, counted per action and minute", """
            CREATE TABLE anonymous_refusals (action text NOT NULL, minute text NOT NULL, count bigint NOT NULL,
                PRIMARY KEY (action, minute));
            """),
        new(7, "leases for work one replica does at a time, the Data Protection key ring, claims on inbox requests", """
            CREATE TABLE leases (name text PRIMARY KEY, holder text NOT NULL, expires_at text NOT NULL);

            CREATE TABLE data_protection_keys (name text PRIMARY KEY, xml text NOT NULL, created_at text NOT NULL);

            ALTER TABLE inbox ADD COLUMN claimed_by text;
            ALTER TABLE inbox ADD COLUMN claimed_until text;
            """),
        new(8, "compliance evidence, append-only, one row per control and reference", """
            CREATE TABLE evidence (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, control text NOT NULL, kind text NOT NULL, source text NOT NULL,
                reference text NOT NULL, content text NOT NULL, sha256 text NOT NULL, happened_at text NOT NULL,
                recorded_at text NOT NULL, recorded_by text NOT NULL, UNIQUE (control, reference));
            CREATE INDEX ix_evidence_latest ON evidence (control, kind, happened_at);
            CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence FOR EACH ROW EXECUTE FUNCTION refuse_change('evidence is append-only');
            CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION refuse_change('evidence is append-only');
            """),
        new(9, "spend, one row per day, provider and tags", """
            CREATE TABLE spend (
                day text NOT NULL, provider text NOT NULL, service text NOT NULL, team text NOT NULL, tenant text NOT NULL, env text NOT NULL,
                amount double precision NOT NULL, currency text NOT NULL, expires text, received_at text NOT NULL,
                PRIMARY KEY (day, provider, service, team, tenant, env));
            CREATE INDEX ix_spend_service ON spend (service, day);
            """),
        new(10, "usage for unit costs; spend's daily totals by service, team, provider and untagged provider", """
            CREATE TABLE usage (day text NOT NULL, metric text NOT NULL, value double precision NOT NULL, received_at text NOT NULL, PRIMARY KEY (metric, day));
            CREATE TABLE spend_totals (day text NOT NULL, dimension text NOT NULL, name text NOT NULL, amount double precision NOT NULL, PRIMARY KEY (day, dimension, name));
            INSERT INTO spend_totals SELECT day, 'service', service, SUM(amount) FROM spend WHERE service <> '' GROUP BY day, service;
            INSERT INTO spend_totals SELECT day, 'team', team, SUM(amount) FROM spend WHERE team <> '' GROUP BY day, team;
            INSERT INTO spend_totals SELECT day, 'provider', provider, SUM(amount) FROM spend GROUP BY day, provider;
            INSERT INTO spend_totals SELECT day, 'untagged', provider, SUM(amount) FROM spend WHERE service = '' AND team = '' GROUP BY day, provider;
            """),
    ];
}
