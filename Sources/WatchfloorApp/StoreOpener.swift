import WatchfloorStore

/// Opens the store a command was given.
enum StoreOpener {
    static func sqlite(_ path: String) throws(AppError) -> SQLiteStore {
        do { return try SQLiteStore(path: path) } catch { throw AppError(error.message) }
    }

    /// A PostgreSQL store, from `postgres://user[:password]@host[:port]/database`.
    static func postgres(_ url: String) throws(AppError) -> PostgresStore {
        do { return try PostgresStore(url: url) } catch { throw AppError(error.message) }
    }
}
