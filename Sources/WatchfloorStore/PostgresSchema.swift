/// The PostgreSQL schema, as numbered migrations: the same tables and the same invariants as
/// the SQLite schema, kept by the server whatever the code above it does. The log's chain is
/// checked after each insert statement, so a batch inserted in one statement may link to rows
/// of the same batch, in whatever order the server inserts them.
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        /// One statement each: the extended protocol runs one statement per query.
        var statements: [String]
    }

    static let migrations: [Migration] = [log, orders]

    static let log = Migration(version: 1, name: "the log", statements: [
        """
        CREATE TABLE log_entry (
            seq      bigint      PRIMARY KEY CHECK (seq >= 1),
            at       timestamptz NOT NULL,
            kind     text        NOT NULL CHECK (kind <> ''),
            actor    text        NOT NULL CHECK (actor <> ''),
            exercise boolean     NOT NULL,
            -- The line's exact bytes: bytea, so no encoding setting of the server can touch them.
            line     bytea       NOT NULL CHECK (length(line) > 0),
            hash     text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
            prev     text        NOT NULL CHECK (prev ~ '^[0-9a-f]{64}$'),
            -- The hash is the line's: an entry cannot claim a hash its bytes do not have.
            CONSTRAINT log_entry_hash_is_the_lines CHECK (hash = encode(sha256(line), 'hex'))
        )
        """,
        """
        CREATE FUNCTION log_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (NEW.seq = 1 AND NEW.prev <> repeat('0', 64))
               OR (NEW.seq > 1 AND NEW.prev IS DISTINCT FROM (SELECT hash FROM log_entry WHERE seq = NEW.seq - 1)) THEN
                RAISE EXCEPTION 'log chain broken: an entry must follow the entry whose hash it records (seq %)', NEW.seq;
            END IF;
            RETURN NULL;
        END
        $$
        """,
        // AFTER, not BEFORE: by then every row of the statement is in, so a batch's entries
        // may follow each other. Another writer's uncommitted rows are invisible here, so an
        // entry can only follow a committed one or one of its own transaction.
        """
        CREATE TRIGGER log_entry_chain AFTER INSERT ON log_entry
        FOR EACH ROW EXECUTE FUNCTION log_entry_chain()
        """,
        """
        CREATE FUNCTION log_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION 'log entries are never changed';
            END IF;
            RAISE EXCEPTION 'log entries are never deleted';
        END
        $$
        """,
        """
        CREATE TRIGGER log_entry_immutable BEFORE UPDATE OR DELETE ON log_entry
        FOR EACH ROW EXECUTE FUNCTION log_entry_immutable()
        """,
        """
        CREATE TRIGGER log_entry_not_truncated BEFORE TRUNCATE ON log_entry
        FOR EACH STATEMENT EXECUTE FUNCTION log_entry_immutable()
        """,
    ])
}
