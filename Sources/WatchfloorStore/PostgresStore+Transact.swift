import PostgresNIO
import WatchfloorCore

/// What a decision may read inside `PostgresStore.transact`: the store under its write lock,
/// through the transaction's own connection. Valid only inside the body it is given to.
struct PostgresTransaction: StoreTransaction {
    let session: PostgresSession

    func chainHead() throws -> LogChain {
        try PostgresLogTable.head(session, .read)
    }

    func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws {
        try PostgresLogTable.forEachLine(from: seq, fetch: { next in try PostgresLogTable.lines(from: next, session, .read) }, body)
    }

    func orders(where filter: OrderFilter) throws -> [Order] {
        try PostgresOrderTable.fetch(filter, session, .read)
    }

    func order(_ id: String) throws -> Order? {
        try PostgresOrderTable.fetch(OrderFilter(), id: id, session, .read).first
    }
}

extension PostgresStore {
    /// Read, decide and append in one transaction that first takes the store's write lock, so
    /// that two processes can never both decide on the same head: the second waits, then
    /// decides on what the first committed. A `body` that throws appends nothing; its error
    /// comes out as thrown. Store failures come out as `StoreError`.
    public func transact<T>(_ body: (any StoreTransaction) throws -> (entries: [SealedEntry], value: T)) throws -> T {
        try writing(body)
    }

    /// `transact` with the PostgreSQL transaction itself, for the store's own SQL (a claim).
    ///
    /// The isolation level is READ COMMITTED on purpose: each statement sees what was committed
    /// before it began, so everything read after the lock is taken includes the last writer's
    /// commit (PostgreSQL makes a commit visible before it releases that transaction's locks).
    /// A snapshot taken for the whole transaction (REPEATABLE READ) would be older than the lock.
    func writing<T>(_ body: (PostgresTransaction) throws -> (entries: [SealedEntry], value: T)) throws -> T {
        try bridge.withSession { session in
            try session.query("BEGIN", .write)
            let value: T
            do {
                try session.query("SELECT pg_advisory_xact_lock(\(PostgresLocks.write))", .write)
                let (entries, v) = try body(PostgresTransaction(session: session))
                try PostgresLogTable.append(entries, session)
                // The transactional outbox: orders change in the same transaction as their entries.
                try PostgresOrderTable.apply(entries, session)
                value = v
            } catch {
                // A failed statement has aborted the transaction anyway; ROLLBACK ends it and
                // releases the lock. If even that fails, the connection is gone, and with it the
                // transaction and the lock.
                _ = try? session.query("ROLLBACK", .write)
                throw error
            }
            try session.query("COMMIT", .write) { failure in
                guard failure.lostConnection else { return nil }
                return StoreError("could not write to the store \(url): the connection to the PostgreSQL server was lost during COMMIT (\(failure.message)), so whether it committed is unknown — `watchfloor log cat --store` shows what is stored", unreachable: true)
            }
            return value
        }
    }
}
