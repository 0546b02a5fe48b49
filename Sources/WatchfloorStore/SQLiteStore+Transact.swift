import GRDB
import WatchfloorCore

/// What a decision may read inside `SQLiteStore.transact`: the store as it is under the
/// write lock. Valid only inside the body it is given to.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    let path: String

    /// Where the chain continues, as committed by every writer so far.
    public func chainHead() throws -> LogChain {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM log_entry ORDER BY seq DESC LIMIT 1") else {
            return LogChain()
        }
        return LogChain(nextSeq: row[0] as Int64 + 1, head: row[1])
    }

    /// Each stored line from `seq` on, in order: what others wrote since a board was folded.
    public func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, line, hash FROM log_entry WHERE seq >= ? ORDER BY seq", arguments: [seq])
        while let row = try rows.next() {
            let text: String = row[1]
            try body(StoredLine(seq: row[0], line: Array(text.utf8), hash: row[2]))
        }
    }

    public func orders(where filter: OrderFilter) throws -> [Order] {
        try OrderTable.fetch(db, filter)
    }

    public func order(_ id: String) throws -> Order? {
        try OrderTable.fetch(db, OrderFilter(), id: id).first
    }
}

extension SQLiteStore {
    /// Read, decide and append in one `BEGIN IMMEDIATE` transaction: `body` sees the store
    /// under the write lock and returns the entries it sealed (on `chainHead()`) with its
    /// answer; they are appended, with their order effects, before the lock is released. So
    /// two processes can never both claim one order or both dispatch one unit: the second
    /// waits, then decides on what the first committed. A `body` that throws appends nothing;
    /// its error comes out as thrown. Store failures come out as `StoreError`.
    public func transact<T>(_ body: (any StoreTransaction) throws -> (entries: [SealedEntry], value: T)) throws -> T {
        var value: T?
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let (entries, v) = try body(SQLiteTransaction(db: db, path: path))
                    try Self.insert(entries, in: db)
                    try OrderTable.apply(entries, in: db)
                    value = v
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StoreError("could not write to the store \(path): \(error.message ?? error.description)")
        }
        return value!
    }

    /// The log rows of `entries`, bound straight from their bytes; the schema refuses any
    /// that do not continue the chain.
    static func insert(_ entries: [SealedEntry], in db: Database) throws {
        var insert = try SQLiteInsert(db)
        for e in entries { try insert.insert(e) }
    }
}
