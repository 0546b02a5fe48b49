import GRDB

extension SQLiteSchema {
    /// The dispatch queue's table (DESIGN §5): one row per order, written in the same
    /// transaction as the log entry that queued or moved it. The table is a projection of the
    /// log that gateways can query; the schema keeps what it can of the state machine.
    static func registerOrders(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: dispatch orders") { db in
            try db.execute(sql: """
                CREATE TABLE dispatch_order (
                    id              TEXT    PRIMARY KEY CHECK (id <> ''),
                    idempotency_key TEXT    NOT NULL UNIQUE CHECK (idempotency_key <> ''),
                    incident        TEXT    NOT NULL CHECK (incident <> ''),
                    unit            TEXT    NOT NULL CHECK (unit <> ''),
                    agency          TEXT    NOT NULL CHECK (agency IN ('emergency', 'police', 'fire', 'weather', 'transport', 'urban')),
                    state           TEXT    NOT NULL CHECK (state IN ('queued', 'claimed', 'acked', 'failed', 'dead')),
                    consumer        TEXT,
                    lease_expires   TEXT,
                    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    next_attempt    TEXT,
                    exercise        INTEGER NOT NULL CHECK (exercise IN (0, 1)),
                    created         TEXT    NOT NULL,
                    note            TEXT,
                    -- The log entries that queued the order and that last moved it.
                    queued_seq      INTEGER NOT NULL,
                    updated_seq     INTEGER NOT NULL CHECK (updated_seq >= queued_seq),
                    CHECK (state <> 'claimed' OR (consumer IS NOT NULL AND lease_expires IS NOT NULL)),
                    CHECK (state <> 'failed' OR next_attempt IS NOT NULL)
                );
                CREATE INDEX dispatch_order_by_agency ON dispatch_order (agency, exercise, state, created);
                -- What an order is never changes; only where it is in its life does.
                CREATE TRIGGER dispatch_order_fixed BEFORE UPDATE OF id, idempotency_key, incident, unit, agency, exercise, created, queued_seq
                ON dispatch_order
                BEGIN
                    SELECT RAISE(ABORT, 'a dispatch order''s identity never changes');
                END;
                -- Acknowledged and dead orders are finished.
                CREATE TRIGGER dispatch_order_final BEFORE UPDATE ON dispatch_order
                WHEN OLD.state IN ('acked', 'dead')
                BEGIN
                    SELECT RAISE(ABORT, 'a dispatch order that is acked or dead never changes again');
                END;
                CREATE TRIGGER dispatch_order_kept BEFORE DELETE ON dispatch_order
                BEGIN
                    SELECT RAISE(ABORT, 'dispatch orders are never deleted');
                END;
                """)
        }
    }
}
