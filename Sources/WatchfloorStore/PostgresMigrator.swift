import PostgresNIO

/// The server-side locks that keep writers in different processes apart. Advisory locks are
/// the database's own (two databases on one server never share one), taken with the
/// transaction and released by its COMMIT or ROLLBACK, so a writer that dies holds none.
enum PostgresLocks {
    /// Every writer of the log takes it first: the one PostgreSQL equivalent of SQLite's
    /// `BEGIN IMMEDIATE`. ("wfl-log" in ASCII.)
    static let write: Int64 = 0x7766_6C2D_6C6F_67
    /// Migrating takes it, so that two processes opening a new store do not both create it.
    static let migrate: Int64 = 0x7766_6C2D_6D69_67
}

/// Brings a database to the newest schema when a store is opened: each migration at most
/// once, in order, recorded in `schema_version`, all in one transaction under
/// `PostgresLocks.migrate`. A second process opening at the same moment waits, then finds
/// nothing left to do; a database a newer watchfloor migrated is refused, not touched.
enum PostgresMigrator {
    static func migrate(_ session: PostgresSession) throws(StoreError) {
        try session.query("BEGIN", .open)
        do throws(StoreError) {
            try session.query("SELECT pg_advisory_xact_lock(\(PostgresLocks.migrate))", .open)
            try session.query("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version integer     PRIMARY KEY,
                    name    text        NOT NULL,
                    applied timestamptz NOT NULL DEFAULT now()
                )
                """, .open)
            let rows = try session.query("SELECT coalesce(max(version), 0) FROM schema_version", .open)
            guard let row = rows.first else { throw StoreError("cannot open the store \(session.url): its schema_version cannot be read") }
            let current = try decode(row, url: session.url)
            let newest = PostgresSchema.migrations.map(\.version).max() ?? 0
            if current > newest {
                throw StoreError("cannot open the store \(session.url): a newer watchfloor keeps it (schema version \(current); this one knows up to \(newest)) — use that watchfloor, or upgrade this one")
            }
            for migration in PostgresSchema.migrations where migration.version > current {
                for statement in migration.statements {
                    try session.query(PostgresQuery(unsafeSQL: statement), .open)
                }
                try session.query("INSERT INTO schema_version (version, name) VALUES (\(migration.version), \(migration.name))", .open)
            }
            try session.query("COMMIT", .open)
        } catch {
            _ = try? session.query("ROLLBACK", .open)
            throw error
        }
    }

    private static func decode(_ row: PostgresRow, url: PostgresURL) throws(StoreError) -> Int {
        do { return try row.decode(Int.self) } catch {
            throw StoreError("cannot open the store \(url): its schema_version table cannot be read (\(error))")
        }
    }
}
