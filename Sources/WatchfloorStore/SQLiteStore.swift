import Foundation
import GRDB
import WatchfloorCore

/// The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, written by one
/// writer in `BEGIN IMMEDIATE` transactions (DESIGN §5). The schema itself refuses a broken
/// chain, so no bug above it can store one.
public final class SQLiteStore: DispatchStore {
    let queue: DatabaseQueue
    public let path: String
    public var location: String { path }

    public init(path: String) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.label = "watchfloor"
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // 16 KiB pages for a new file (an existing one keeps its own): a log row is about
            // 700 bytes, so 4 KiB pages held five or six, and a replay spent its commit thread
            // splitting pages and writing WAL frames. Measured on a 1M-event replay: ~7 s less CPU;
            // 64 KiB pages cost more system time than they saved.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                // WAL must be set outside a transaction, and it persists in the file.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try SQLiteSchema.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw StoreError("cannot open the store \(path): \(error.message ?? error.description) — check the path and its permissions, or pass another --store")
        } catch {
            throw StoreError("cannot open the store \(path): \(error.localizedDescription) — check the path and its permissions, or pass another --store")
        }
    }

    public func chainHead() throws(StoreError) -> LogChain {
        do {
            return try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM log_entry ORDER BY seq DESC LIMIT 1") else {
                    return LogChain()
                }
                return LogChain(nextSeq: row[0] as Int64 + 1, head: row[1])
            }
        } catch {
            throw StoreError("cannot read the store \(path): \(error)")
        }
    }

    public func append(_ entries: [SealedEntry]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try Self.insert(entries, in: db)
                    // The transactional outbox: orders change in the same transaction as their entries.
                    try OrderTable.apply(entries, in: db)
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StoreError("could not write to the store \(path): \(error.message ?? error.description)")
        } catch {
            throw StoreError("could not write to the store \(path): \(error)")
        }
    }

    public func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws(StoreError) {
        do {
            try queue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT seq, line, hash FROM log_entry WHERE seq >= ? ORDER BY seq", arguments: [seq])
                while let row = try rows.next() {
                    let text: String = row[1]
                    try body(StoredLine(seq: row[0], line: Array(text.utf8), hash: row[2]))
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot read the store \(path): \(error)")
        }
    }
}
