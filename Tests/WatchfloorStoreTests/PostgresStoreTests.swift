import Foundation
import PostgresNIO
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// What only the PostgreSQL store has: its URL, the words it fails with when the server cannot
    /// be reached or refuses, migrations that two processes may run at once, the notice it gives
    /// listeners at each commit, and a connection that comes back after the server dropped it.
    @Suite("PostgreSQL store")
    struct PostgresStoreTests {
        let scratches = Scratches()

        // MARK: - The URL

        @Test("store URLs are read part by part, percent-escapes and IPv6 hosts included", arguments: [
            ("postgres://duty@db.local/watchfloor", PostgresURL(user: "duty", host: "db.local", database: "watchfloor")),
            ("postgresql://duty:s3cret@127.0.0.1:5433/wf", PostgresURL(user: "duty", password: "s3cret", host: "127.0.0.1", port: 5433, database: "wf")),
            ("postgres://duty:p%40ss%2Fw@[::1]:6000/%E5%80%BC%E7%8F%AD", PostgresURL(user: "duty", password: "p@ss/w", host: "::1", port: 6000, database: "值班")),
            ("postgres://duty:p@ss/w@host/wf", PostgresURL(user: "duty", password: "p@ss/w", host: "host", database: "wf")),
            ("POSTGRES://a:@h/d", PostgresURL(user: "a", password: "", host: "h", database: "d")),
        ])
        func parsesURLs(text: String, expected: PostgresURL) throws {
            #expect(try PostgresURL(parsing: text) == expected)
        }

        @Test("a bad store URL is refused saying what is wrong, how to write it, and never the password", arguments: [
            ("sqlite:///tmp/x.db", "must start with postgres://"),
            ("postgres://db.local/watchfloor", "names no user"),
            ("postgres://:hunter2@db.local/watchfloor", "names no user"),
            ("postgres://duty:hunter2@db.local", "names no database"),
            ("postgres://duty:hunter2@db.local/", "names no database"),
            ("postgres://duty:hunter2@/watchfloor", "names no host"),
            ("postgres://duty:hunter2@db.local:99999/watchfloor", "port \"99999\" is not a number from 1 to 65535"),
            ("postgres://duty:hunter2@db.local:x1/watchfloor", "port \"x1\""),
            ("postgres://duty:hunter2@[::1/watchfloor", "closing ]"),
            ("postgres://duty:hunter2@db.local/watchfloor?sslmode=require", "query parameters"),
            ("postgres://duty:hunter2@db.local/a/b", "holds a /"),
            ("postgres://du%zzty:hunter2@db.local/a", "bad %-escape"),
        ])
        func refusesBadURLs(text: String, why: String) {
            let error = #expect(throws: StoreError.self) { _ = try PostgresURL(parsing: text) }
            let message = error?.message ?? ""
            #expect(message.contains(why), "\(message)")
            #expect(message.contains("postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"), "\(message)")
            #expect(!message.contains("hunter2"), "\(message)")
        }

        @Test("the URL in messages has no password")
        func descriptionHidesThePassword() throws {
            let url = try PostgresURL(parsing: "postgres://duty:hunter2@[::1]:6000/wf")
            #expect(url.description == "postgres://duty@[::1]:6000/wf")
            #expect(PostgresURL.names("postgresql://x@y/z") && !PostgresURL.names("/var/lib/watchfloor.db"))
        }

        // MARK: - Opening fails in words that say what to check

        @Test("nothing listening at the address: the message names the server and what to check")
        func unreachableServer() throws {
            let error = #expect(throws: StoreError.self) {
                _ = try PostgresStore(url: PostgresURL(user: "duty", password: "hunter2", host: "127.0.0.1", port: 1, database: "wf"))
            }
            let message = error?.message ?? ""
            #expect(message.contains("cannot reach the PostgreSQL server at 127.0.0.1:1"), "\(message)")
            #expect(message.contains("check that it is running"), "\(message)")
            #expect(!message.contains("hunter2"), "\(message)")
        }

        @Test("a wrong password is refused, and the message says to check the user and password")
        func wrongPassword() throws {
            let database = try scratches.database()
            var url = database.url
            url.password = "not-the-password"
            let error = #expect(throws: StoreError.self) { _ = try PostgresStore(url: url) }
            #expect(error?.message.contains("refused user \(url.user)") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("check the user and password") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("not-the-password") == false, "\(error?.message ?? "")")
        }

        @Test("a database the server does not have: the message says how to create it")
        func missingDatabase() throws {
            let database = try scratches.database()
            let url = database.url.with(database: "no_such_board")
            let error = #expect(throws: StoreError.self) { _ = try PostgresStore(url: url) }
            #expect(error?.message.contains("has no database no_such_board — create it (createdb") == true, "\(error?.message ?? "")")
        }

        // MARK: - Migrations

        @Test("opening migrates once: a second opening, or four at the same moment, change nothing")
        func migrationsAreIdempotentAndSafeAtOnce() throws {
            let database = try scratches.database()
            let url = database.url
            try onThreads(4) { _ in _ = try PostgresStore(url: url) }
            _ = try PostgresStore(url: url)
            let rows = try database.execute("SELECT version, name FROM schema_version ORDER BY version")
            let versions = try rows.map { try $0.decode((Int, String).self) }
            #expect(versions.map(\.0) == PostgresSchema.migrations.map(\.version))
            #expect(versions.map(\.1) == PostgresSchema.migrations.map(\.name))
        }

        @Test("a store a newer watchfloor migrated is refused, not touched")
        func newerSchemaIsRefused() throws {
            let database = try scratches.database()
            _ = try PostgresStore(url: database.url)
            try database.execute("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')")
            let error = #expect(throws: StoreError.self) { _ = try PostgresStore(url: database.url) }
            #expect(error?.message.contains("a newer watchfloor keeps it (schema version 99") == true, "\(error?.message ?? "")")
        }

        // MARK: - What only this schema checks

        @Test("the schema refuses a line whose stored hash is not its own, even with a true link")
        func hashMustBeTheLines() throws {
            let scratch = try scratches.store(.postgres)
            var chain = LogChain()
            try scratch.store.append(sampleEntries(1).map { chain.seal($0) })
            var forged = chain.sealing(entry(1, .warningExpired(warning: "w")))
            forged.hash = String(repeating: "c", count: 64)
            let error = #expect(throws: (any Error).self) { try scratch.insertBehindTheStore(forged) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("log_entry_hash_is_the_lines"), "\(error.map { "\($0)" } ?? "")")
        }

        // MARK: - Notifications

        @Test("each commit that appends tells watchfloor_log listeners its last seq; a rolled-back one tells nothing")
        func notifiesAtCommit() throws {
            let scratch = try scratches.store(.postgres)
            let store = try #require(scratch.store as? PostgresStore)
            let listener = try PostgresBridge(url: store.url, logger: Logger(label: "watchfloor.test.listen"))
            defer { listener.close() }
            let heard = Locked<[String]>([])
            let arrived = DispatchSemaphore(value: 0)
            try listener.withSession { session in
                session.connection.addListener(channel: "watchfloor_log") { _, note in
                    heard.update { $0.append(note.payload) }
                    arrived.signal()
                }
                try session.query("LISTEN watchfloor_log", .read)
            }

            var chain = LogChain()
            try store.append(sampleEntries(3).map { chain.seal($0) })
            #expect(arrived.wait(timeout: .now() + 10) == .success)
            struct Refused: Error {}
            #expect(throws: Refused.self) {
                let _: Int = try store.transact { tx in
                    var c = try tx.chainHead()
                    _ = c.seal(entry(9, .warningExpired(warning: "never")))
                    throw Refused()
                }
            }
            try appendOne(store, "fourth")
            #expect(arrived.wait(timeout: .now() + 10) == .success)
            #expect(heard.value == ["3", "4"])
        }

        // MARK: - The connection

        @Test("a connection the server dropped is opened again: at most one call fails, saying so")
        func reconnectsAfterTheServerDropsIt() throws {
            let scratch = try scratches.store(.postgres)
            let store = scratch.store
            try appendOne(store, "before")
            let ended = try #require(scratch.database).execute("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'watchfloor' AND pid <> pg_backend_pid()
                """)
            #expect(ended.count == 1)
            var appended = 1
            do {
                try appendOne(store, "maybe")
                appended += 1
            } catch let error as StoreError {
                #expect(error.message.contains("lost the connection"), "\(error.message)")
            }
            try appendOne(store, "after")
            try expectWholeChain(store, count: appended + 1)
        }

        @Test("a call whose connection the server ends under it fails saying so, and the next call connects afresh")
        func queryThatLosesItsConnection() throws {
            let scratch = try scratches.store(.postgres)
            let store = try #require(scratch.store as? PostgresStore)
            try appendOne(store, "before")
            // The store's own connection asks the server to end it: the server's last words
            // (57P01) reach this query, every time, before NIO sees the connection close.
            let error = #expect(throws: StoreError.self) {
                try store.session(.write) { try $0.query("SELECT pg_terminate_backend(pg_backend_pid())", .write) }
            }
            #expect(error?.message.contains("lost the connection to the PostgreSQL server") == true, "\(error?.message ?? "")")
            try appendOne(store, "after")
            try expectWholeChain(store, count: 2)
        }
    }
}
