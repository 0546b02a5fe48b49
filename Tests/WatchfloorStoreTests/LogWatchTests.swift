import Foundation
import PostgresNIO
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// A store's `LogWatch` tells its follower when another store object (another process)
    /// committed, and nothing while nobody does; PostgreSQL's listens again after the server
    /// ended its connection and then asks for the read that covers the gap.
    @Suite("Store conformance: watching the log")
    struct LogWatchTests {
        let scratches = Scratches()

        /// Waits until the watch is settled: PostgreSQL's listening, SQLite's looked once;
        /// then takes what it had to say, so that the next news is new.
        static func settled(_ watch: any LogWatch, listens: Int = 1) async throws {
            if let postgres = watch as? PostgresLogWatch {
                let deadline = Date(timeIntervalSinceNow: 30)
                while postgres.timesListening < listens, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
                try #require(postgres.timesListening >= listens, "the watch listens within 30 s")
            }
            _ = watch.take()
        }

        @Test("a watch says to read again after another store object commits, and not while nobody does", arguments: StoreKind.allCases)
        func notifiedByAnotherWriter(kind: StoreKind) async throws {
            let scratch = try scratches.store(kind)
            try appendOne(scratch.store, "before")
            let watch = try scratch.store.watchLog()
            defer { watch.close() }
            try await Self.settled(watch)
            let quiet = watch.wait(timeout: 0.5)
            #expect(quiet == LogNews(readAgain: false, lost: nil))

            let other = try scratch.open()
            try appendOne(other, "from another writer")
            let news = watch.wait(timeout: 10)
            #expect(news == LogNews(readAgain: true, lost: nil))
            #expect(watch.take() == LogNews(readAgain: false, lost: nil), "one commit, one read")
        }

        @Test("a PostgreSQL watch whose connection the server ended listens again, asks for a read, and hears the next commit")
        func reconnectsAfterTheServerEndsItsConnection() async throws {
            let scratch = try scratches.store(.postgres)
            let watch = try scratch.store.watchLog()
            defer { watch.close() }
            try await Self.settled(watch)

            let ended = try #require(scratch.database).execute("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'watchfloor-follow'
                """)
            #expect(ended.count == 1)
            let postgres = try #require(watch as? PostgresLogWatch)
            let deadline = Date(timeIntervalSinceNow: 30)
            while postgres.timesListening < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(postgres.timesListening == 2)
            // Whatever was committed while it was away is read now.
            #expect(watch.take() == LogNews(readAgain: true, lost: nil))

            try appendOne(try scratch.open(), "after the reconnection")
            #expect(watch.wait(timeout: 10) == LogNews(readAgain: true, lost: nil))
        }

        @Test("a closed watch lets its connection go")
        func closeEndsTheConnection() async throws {
            let scratch = try scratches.store(.postgres)
            let watch = try scratch.store.watchLog()
            try await Self.settled(watch)
            let count = PostgresQuery(unsafeSQL: "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'watchfloor-follow'")
            #expect(try #require(scratch.database).execute(count).first?.decode(Int.self) == 1)
            watch.close()
            let deadline = Date(timeIntervalSinceNow: 30)
            while try #require(scratch.database).execute(count).first?.decode(Int.self) != 0, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try #require(scratch.database).execute(count).first?.decode(Int.self) == 0)
        }
    }
}
