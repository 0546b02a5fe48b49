import WatchfloorStore

/// Opens the store a command was given.
enum StoreOpener {
    static func sqlite(_ path: String) throws(AppError) -> SQLiteStore {
        do { return try SQLiteStore(path: path) } catch { throw AppError(error.message) }
    }
}
