import Foundation
import PostgresNIO

/// The one place where postgres-nio's asynchronous connection meets the store's blocking API.
///
/// The App calls its store synchronously, from its own threads, as it calls SQLite. Here each
/// call hands its query to the connection's event loop and blocks the calling thread on the
/// returned future (`EventLoopFuture.wait()`) until the loop has the answer. That is safe because:
///
/// - The waiting thread is never the thread that must fulfil the future. The event loop is a
///   group of one thread that this bridge creates for its own connection; none of our code ever
///   runs on it, and no future is waited on from it (NIO's `wait()` traps if one ever were).
/// - Nothing depends on Swift concurrency: no `Task`, no cooperative-pool thread is needed for a
///   query to finish, so a caller blocking inside a task (a test, say) cannot starve the pool
///   into a deadlock, however few cores there are.
/// - One lock serialises the callers. A PostgreSQL connection runs one transaction at a time:
///   two threads interleaving BEGIN and COMMIT on it would mix their transactions, so a caller
///   holds the connection for all of its transaction. Writers in other processes are kept apart
///   by the server (`PostgresLocks`), not by this lock.
///
/// A connection the server closed (a restart, say) is opened again by the next call, unless the
/// bridge was made not to (`reconnects: false`): a connection that holds a session's lock is
/// worth nothing once it is gone, and a new one must not pass for it.
final class PostgresBridge: @unchecked Sendable {
    let url: PostgresURL
    private let logger: Logger
    /// What `pg_stat_activity` shows for the connection, so an administrator can tell who it is.
    private let applicationName: String
    private let reconnects: Bool
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// Guards `connection` and `closed`: held for each call's whole use of the connection.
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var closed = false
    /// Marks, in the thread's own dictionary, that this thread is inside `withSession`: a store
    /// call made from inside another (from a `transact` body, say) then stops with a clear
    /// message instead of waiting on itself for ever.
    private var holdingKey: String { "watchfloor.postgres.session.\(ObjectIdentifier(self).hashValue)" }

    /// Connects now, so that a bad address or password is said when the store is opened.
    init(url: PostgresURL, logger: Logger, applicationName: String = "watchfloor", reconnects: Bool = true) throws(StoreError) {
        self.url = url
        self.logger = logger
        self.applicationName = applicationName
        self.reconnects = reconnects
        // A failure here still runs deinit, which ends the event loop's thread.
        connection = try connect()
    }

    deinit { close() }

    /// Closes the connection and ends the event loop's thread; later calls fail.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        try? connection?.close().wait()
        connection = nil
        try? group.syncShutdownGracefully()
    }

    /// Runs `body` with the connection to itself: no other thread uses it until `body` returns.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let thread = Thread.current.threadDictionary
        precondition(
            thread[holdingKey] == nil,
            "a PostgresStore was called from inside one of its own calls (a transact body must use its transaction, not the store)"
        )
        lock.lock()
        thread[holdingKey] = true
        defer {
            thread[holdingKey] = nil
            lock.unlock()
        }
        guard !closed else { throw StoreError("the store \(url) is closed") }
        if connection == nil || connection?.isClosed == true {
            // Without `reconnects` the connection is only ever missing after it was lost.
            guard reconnects else {
                throw StoreError("lost the connection to the PostgreSQL server at \(url.host):\(url.port)")
            }
            connection = try connect()
        }
        let session = PostgresSession(connection: connection!, logger: logger, url: url)
        defer {
            // The server closed it, or is about to: the next call connects afresh rather than
            // fail on a connection that NIO has not yet seen close. Closing is waited for: the
            // driver requires a connection to be closed before it is released.
            if session.lost.value {
                try? connection?.close().wait()
                connection = nil
            }
        }
        return try body(session)
    }

    private func connect() throws(StoreError) -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable
        )
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [
            ("application_name", applicationName),
            // As long as the SQLite store waits for a busy file: a writer that cannot get the
            // write lock in 10 s is told so rather than left hanging.
            ("lock_timeout", "10s"),
        ]
        do {
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            throw PostgresFailure(error).connectError(url)
        }
    }
}

/// The connection as one caller holds it: every query blocks until its answer is in.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    let url: PostgresURL
    /// Set when a query finds the connection gone.
    let lost = Flag()

    final class Flag {
        var value = false
    }

    /// Runs `query` and returns all its rows. A failure comes out as a `StoreError` that says
    /// what could not be done (`access`), unless `refusal` has words of its own for it.
    @discardableResult
    func query(
        _ query: PostgresQuery, _ access: PostgresFailure.Access,
        refusal: (PostgresFailure) -> StoreError? = { _ in nil }
    ) throws(StoreError) -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            let failure = PostgresFailure(error)
            if failure.lostConnection { lost.value = true }
            throw refusal(failure) ?? failure.storeError(access, url)
        }
    }

    /// Runs a statement and returns how many rows it changed.
    func execute(_ query: PostgresQuery, _ access: PostgresFailure.Access) throws(StoreError) -> Int {
        try self.query(query, access).metadata.rows ?? 0
    }
}
