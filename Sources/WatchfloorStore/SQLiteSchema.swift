import GRDB

/// The SQLite schema and its migrations. The constraints are the chain's invariants: an
/// entry may only follow the entry whose hash it records, so `seq` stays gapless and the
/// chain whole whatever the code above does.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: the log") { db in
            try db.execute(sql: """
                CREATE TABLE log_entry (
                    seq      INTEGER PRIMARY KEY CHECK (seq >= 1),
                    at       TEXT    NOT NULL,
                    kind     TEXT    NOT NULL CHECK (kind <> ''),
                    actor    TEXT    NOT NULL CHECK (actor <> ''),
                    exercise INTEGER NOT NULL CHECK (exercise IN (0, 1)),
                    line     TEXT    NOT NULL CHECK (line <> ''),
                    hash     TEXT    NOT NULL CHECK (length(hash) = 64),
                    prev     TEXT    NOT NULL CHECK (length(prev) = 64)
                );
                CREATE TRIGGER log_entry_chain BEFORE INSERT ON log_entry
                WHEN (NEW.seq = 1 AND NEW.prev <> '\(String(repeating: "0", count: 64))')
                  OR (NEW.seq > 1 AND NEW.prev IS NOT (SELECT hash FROM log_entry WHERE seq = NEW.seq - 1))
                BEGIN
                    SELECT RAISE(ABORT, 'log chain broken: an entry must follow the entry whose hash it records');
                END;
                CREATE TRIGGER log_entry_immutable_update BEFORE UPDATE ON log_entry
                BEGIN
                    SELECT RAISE(ABORT, 'log entries are never changed');
                END;
                CREATE TRIGGER log_entry_immutable_delete BEFORE DELETE ON log_entry
                BEGIN
                    SELECT RAISE(ABORT, 'log entries are never deleted');
                END;
                """)
        }
        registerOrders(&migrator)
        return migrator
    }
}
