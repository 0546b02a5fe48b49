import PostgresNIO
import WatchfloorCore

/// The shared store: the log and the dispatch queue in a PostgreSQL database, for a floor where
/// several consoles, ingesters and gateways on several machines write one board. The same
/// semantics as `SQLiteStore`, kept by the same means: every writer takes one write lock
/// (`PostgresLocks.write`) at the start of its transaction, and the schema itself refuses a
/// broken chain, a changed or deleted entry, and a second order for one idempotency key.
///
/// Every commit that appends entries sends `NOTIFY watchfloor_log, '<seq>'` (the new last
/// seq), so a console can `LISTEN watchfloor_log` and read what is new instead of polling.
///
/// The API blocks, like SQLite's; one connection per store object, used by one caller at a
/// time (`PostgresBridge`). Schema migrations run when the store is opened.
public final class PostgresStore: DispatchStore {
    public let url: PostgresURL
    public var location: String { url.description }
    let bridge: PostgresBridge

    /// Opens the store at `url` (`postgres://user[:password]@host[:port]/database`).
    public convenience init(url text: String, logger: Logger = Logger(label: "watchfloor.store.postgres")) throws(StoreError) {
        try self.init(url: PostgresURL(parsing: text), logger: logger)
    }

    public init(url: PostgresURL, logger: Logger = Logger(label: "watchfloor.store.postgres")) throws(StoreError) {
        self.url = url
        bridge = try PostgresBridge(url: url, logger: logger)
        do {
            try bridge.withSession { session in try PostgresMigrator.migrate(session) }
        } catch {
            bridge.close()
            throw Self.storeError(error, .open, url)
        }
    }

    /// Closes the connection now rather than when the store is released; later calls fail.
    public func close() {
        bridge.close()
    }

    public func chainHead() throws(StoreError) -> LogChain {
        try session(.read) { session in try PostgresLogTable.head(session, .read) }
    }

    public func append(_ entries: [SealedEntry]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        do {
            try writing { _ in (entries, ()) }
        } catch {
            throw Self.storeError(error, .write, url)
        }
    }

    /// Reads a page at a time, and calls `body` without holding the connection; a long read
    /// also yields the lines others commit while it reads.
    public func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws(StoreError) {
        do {
            try PostgresLogTable.forEachLine(from: seq, fetch: { next in
                try session(.read) { session in try PostgresLogTable.lines(from: next, session, .read) }
            }, body)
        } catch {
            throw Self.storeError(error, .read, url)
        }
    }

    public func orders(where filter: OrderFilter) throws(StoreError) -> [Order] {
        try session(.read) { session in try PostgresOrderTable.fetch(filter, session, .read) }
    }

    /// Runs `body` with the connection, any failure said as a `StoreError`.
    func session<T>(_ access: PostgresFailure.Access, _ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        do {
            return try bridge.withSession(body)
        } catch {
            throw Self.storeError(error, access, url)
        }
    }

    static func storeError(_ error: any Error, _ access: PostgresFailure.Access, _ url: PostgresURL) -> StoreError {
        if let error = error as? StoreError { return error }
        return PostgresFailure(error).storeError(access, url)
    }
}
