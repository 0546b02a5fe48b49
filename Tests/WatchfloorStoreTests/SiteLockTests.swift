import Foundation
import PostgresNIO
import Testing
@testable import WatchfloorStore

extension StoreTests {
    /// The lock that makes one ingester a site's writer and any other its standby: on
    /// PostgreSQL a session advisory lock on a connection of its own, on SQLite an flock beside
    /// the file. A second holder waits; the lock comes free when its holder lets it go or loses
    /// the connection that held it, however that ends.
    @Suite("site lock")
    struct SiteLockTests {
        let scratches = Scratches()

        @Test("a second ingester for the site waits and is told who holds it; another site is free; a release lets the second in")
        func secondHolderWaits() throws {
            let database = try scratches.database()
            let first = PostgresSiteLock(url: database.url, site: "fire+police")
            let second = PostgresSiteLock(url: database.url, site: "fire+police")
            let otherSite = PostgresSiteLock(url: database.url, site: "weather")
            #expect(try first.tryAcquire())
            #expect(try !second.tryAcquire())
            #expect(try !second.tryAcquire(), "asking again does not take it either")
            #expect(try otherSite.tryAcquire())
            let holder = try #require(second.holder())
            #expect(holder.contains("watchfloor ingest pid \(getpid())"), "\(holder)")
            #expect(holder.contains("server process "), "\(holder)")
            #expect(first.isHeld() && !second.isHeld())
            first.release()
            #expect(!first.isHeld())
            #expect(try second.tryAcquire())
            #expect(try !first.tryAcquire())
        }

        @Test("pg_terminate_backend of the holder's connection lets the waiter in, and the holder learns it has lost the site")
        func terminatedHolder() async throws {
            let database = try scratches.database()
            let first = PostgresSiteLock(url: database.url, site: "police")
            let second = PostgresSiteLock(url: database.url, site: "police")
            #expect(try first.tryAcquire())
            #expect(try !second.tryAcquire())
            let ended = try database.execute("""
                SELECT pg_terminate_backend(l.pid) FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = \(Int64(PostgresSiteLock.namespace))::oid
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """)
            // pg_locks is the whole server's: other tests hold site locks in databases of their own.
            #expect(ended.count == 1)
            // The server ends the backend, and frees its locks, a moment after it is asked to:
            // the waiter asks until a deadline, and once more after it.
            let deadline = Date().addingTimeInterval(30)
            var taken = try second.tryAcquire()
            while !taken && Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
                taken = try second.tryAcquire()
            }
            if !taken { taken = try second.tryAcquire() }
            #expect(taken, "the waiter took the lock of a terminated holder")
            #expect(!first.isHeld(), "the holder knows its lock's connection is gone")
            #expect(try !first.tryAcquire(), "and asking again on a new connection finds it held by the other")
        }

        @Test("a holder's connection closed without a release (its process gone) frees the lock")
        func closedConnection() throws {
            let database = try scratches.database()
            var first: PostgresSiteLock? = PostgresSiteLock(url: database.url, site: "transport")
            #expect(try first?.tryAcquire() == true)
            let second = PostgresSiteLock(url: database.url, site: "transport")
            #expect(try !second.tryAcquire())
            first = nil  // deinit closes the connection, as the kernel does for a killed process
            #expect(try second.tryAcquire())
        }

        @Test("on SQLite: a lock file beside the database; a second holder waits, reads who holds it, and gets in after a release")
        func fileLock() throws {
            let dir = try ScratchDirectory()
            let path = dir.file("site.db")
            let first = FileSiteLock(databasePath: path, site: "fire+police")
            let second = FileSiteLock(databasePath: path, site: "fire+police")
            let otherSite = FileSiteLock(databasePath: path, site: "weather/站")
            #expect(first.path == path + ".site-fire+police.lock")
            #expect(otherSite.path == path + ".site-weather__.lock")
            #expect(try first.tryAcquire())
            #expect(try !second.tryAcquire())
            #expect(try otherSite.tryAcquire())
            #expect(second.holder() == "pid \(getpid()) on \(ProcessInfo.processInfo.hostName)")
            #expect(first.isHeld() && !second.isHeld())
            first.release()
            #expect(try second.tryAcquire())
            #expect(try !first.tryAcquire())
        }
    }
}
