extension PostgresSchema {
    /// The dispatch queue's table (DESIGN §5): one row per order, written in the same
    /// transaction as the log entry that queued or moved it, as in the SQLite schema. Each
    /// order names the entries that queued it and last moved it, and they must exist.
    static let orders = Migration(version: 2, name: "dispatch orders", statements: [
        """
        CREATE TABLE dispatch_order (
            id              text        PRIMARY KEY CHECK (id <> ''),
            idempotency_key text        NOT NULL CHECK (idempotency_key <> ''),
            incident        text        NOT NULL CHECK (incident <> ''),
            unit            text        NOT NULL CHECK (unit <> ''),
            agency          text        NOT NULL CHECK (agency IN ('emergency', 'police', 'fire', 'weather', 'transport', 'urban')),
            state           text        NOT NULL CHECK (state IN ('queued', 'claimed', 'acked', 'failed', 'dead')),
            consumer        text,
            lease_expires   timestamptz,
            attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt    timestamptz,
            exercise        boolean     NOT NULL,
            created         timestamptz NOT NULL,
            note            text,
            queued_seq      bigint      NOT NULL REFERENCES log_entry (seq),
            updated_seq     bigint      NOT NULL REFERENCES log_entry (seq) CHECK (updated_seq >= queued_seq),
            CONSTRAINT dispatch_order_idempotency_key UNIQUE (idempotency_key),
            CHECK (state <> 'claimed' OR (consumer IS NOT NULL AND lease_expires IS NOT NULL)),
            CHECK (state <> 'failed' OR next_attempt IS NOT NULL)
        )
        """,
        "CREATE INDEX dispatch_order_by_agency ON dispatch_order (agency, exercise, state, queued_seq)",
        """
        CREATE FUNCTION dispatch_order_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                RAISE EXCEPTION 'dispatch orders are never deleted';
            END IF;
            -- Acknowledged and dead orders are finished.
            IF OLD.state IN ('acked', 'dead') THEN
                RAISE EXCEPTION 'a dispatch order that is acked or dead never changes again';
            END IF;
            -- What an order is never changes; only where it is in its life does.
            IF (NEW.id, NEW.idempotency_key, NEW.incident, NEW.unit, NEW.agency, NEW.exercise, NEW.created, NEW.queued_seq)
               IS DISTINCT FROM (OLD.id, OLD.idempotency_key, OLD.incident, OLD.unit, OLD.agency, OLD.exercise, OLD.created, OLD.queued_seq) THEN
                RAISE EXCEPTION 'a dispatch order''s identity never changes';
            END IF;
            RETURN NEW;
        END
        $$
        """,
        """
        CREATE TRIGGER dispatch_order_kept BEFORE UPDATE OR DELETE ON dispatch_order
        FOR EACH ROW EXECUTE FUNCTION dispatch_order_kept()
        """,
        """
        CREATE TRIGGER dispatch_order_not_truncated BEFORE TRUNCATE ON dispatch_order
        FOR EACH STATEMENT EXECUTE FUNCTION dispatch_order_kept()
        """,
    ])
}
