import Foundation
import GRDB
import PostgresNIO
import Testing
import WatchfloorCore
@testable import WatchfloorStore

/// The kinds of store the conformance suite runs every test against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }
}

/// The scratch stores and databases of one test, kept until the test is over: a suite holds one
/// as a stored property, and Swift Testing makes a suite instance per test and drops it after.
/// (A scratch store held only by a local could be released, and its data removed, before the
/// test's last use of the store it made.)
final class Scratches {
    private var kept: [AnyObject] = []

    func store(_ kind: StoreKind) throws -> ScratchStore {
        keep(try ScratchStore(kind))
    }

    func database() throws -> TestDatabase {
        keep(try TestDatabase())
    }

    private func keep<T: AnyObject>(_ object: T) -> T {
        kept.append(object)
        return object
    }
}

/// A fresh, empty store of one kind for one test, removed when the test is done with it; and
/// what a test may do behind the store's back, as another program with access to the same
/// file or database could.
final class ScratchStore {
    let kind: StoreKind
    /// The store the test works with.
    let store: any DispatchStore
    private let place: Place

    private enum Place {
        case file(ScratchDirectory, path: String)
        case database(TestDatabase)
    }

    init(_ kind: StoreKind) throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            let dir = try ScratchDirectory()
            let path = dir.file("store.db")
            place = .file(dir, path: path)
            store = try SQLiteStore(path: path)
        case .postgres:
            let database = try TestDatabase()
            place = .database(database)
            store = try PostgresStore(url: database.url)
        }
    }

    /// The test server's database behind a PostgreSQL store; nil for SQLite.
    var database: TestDatabase? {
        if case .database(let database) = place { database } else { nil }
    }

    /// Another store object on the same data: what another process opening it gets.
    func open() throws -> any DispatchStore {
        switch place {
        case .file(_, let path): try SQLiteStore(path: path)
        case .database(let database): try PostgresStore(url: database.url)
        }
    }

    /// Runs `sql` on a connection of its own, not through the store's code.
    func execute(_ sql: String) throws {
        switch place {
        case .file(_, let path):
            try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
        case .database(let database):
            try database.execute(PostgresQuery(unsafeSQL: sql))
        }
    }

    /// Inserts `e` into the log table with plain SQL, not through the store's code.
    func insertBehindTheStore(_ e: SealedEntry) throws {
        switch place {
        case .file(_, let path):
            try DatabaseQueue(path: path).write { db in
                try db.execute(
                    sql: "INSERT INTO log_entry (seq, at, kind, actor, exercise, line, hash, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [e.seq, e.entry.at.rfc3339, e.entry.kind.rawValue, e.entry.actor, e.entry.exercise,
                                String(decoding: e.line, as: UTF8.self), e.hash, e.prevHash]
                )
            }
        case .database(let database):
            try database.execute("""
                INSERT INTO log_entry (seq, at, kind, actor, exercise, line, hash, prev)
                VALUES (\(e.seq), to_timestamp(\(e.entry.at.milliseconds) / 1000.0), \(e.entry.kind.rawValue), \(e.entry.actor),
                        \(e.entry.exercise), \(ByteBuffer(bytes: e.line)), \(e.hash), \(e.prevHash))
                """)
        }
    }
}

/// A new database on the test server (`WATCHFLOOR_TEST_POSTGRES`, set by `make test`), dropped
/// when the test is done with it: tests never see each other's data and may run in parallel.
final class TestDatabase {
    let url: PostgresURL
    private let admin: PostgresBridge

    init() throws {
        guard let text = ProcessInfo.processInfo.environment["WATCHFLOOR_TEST_POSTGRES"], !text.isEmpty else {
            throw NoTestServer()
        }
        let server = try PostgresURL(parsing: text)
        admin = try PostgresBridge(url: server, logger: Logger(label: "watchfloor.test.admin"))
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try admin.withSession { try $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), .write) }
        url = server.with(database: name)
    }

    /// Runs `query` on a connection of its own, and returns its rows.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> PostgresQueryResult {
        let bridge = try PostgresBridge(url: url, logger: Logger(label: "watchfloor.test.raw"))
        defer { bridge.close() }
        return try bridge.withSession { try $0.query(query, .write) }
    }

    deinit {
        // FORCE ends the connections of stores the test still holds.
        _ = try? admin.withSession { try $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(url.database) WITH (FORCE)"), .write) }
        admin.close()
    }
}

/// The PostgreSQL tests fail, never skip, without a server: a skipped half of the suite would
/// hide whatever it would have found.
struct NoTestServer: Error, CustomStringConvertible {
    var description: String {
        """
        WATCHFLOOR_TEST_POSTGRES is not set, so the PostgreSQL store cannot be tested: `make test` starts a \
        server and sets it; by hand, eval "$(scripts/test-postgres.sh start)", run swift test, then \
        scripts/test-postgres.sh stop
        """
    }
}

/// A fresh directory per test, removed when the test is done with it.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("watchfloor-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
