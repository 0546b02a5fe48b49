import Foundation
import GRDB
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// What only the embedded store has (DESIGN §5): a file whose directories it makes, WAL with
    /// `synchronous=FULL`, and failures said with the path in them. What every store does is in
    /// the conformance suite.
    @Suite("SQLite store")
    struct SQLiteStoreTests {
        @Test("opening creates the missing directories of the path")
        func createsParentDirectories() throws {
            let dir = try ScratchDirectory()
            let path = dir.file("state/watchfloor/watchfloor.db")
            _ = try SQLiteStore(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
        }

        // MARK: - Durability settings

        @Test("the file is in WAL mode, as another connection sees it")
        func journalModeIsWAL() throws {
            let dir = try ScratchDirectory()
            let path = dir.file("wal.db")
            let store = try SQLiteStore(path: path)
            var chain = LogChain()
            try store.append(sampleEntries(1).map { chain.seal($0) })

            let other = try DatabaseQueue(path: path)
            let mode = try other.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            #expect(mode?.lowercased() == "wal")
        }

        @Test("the store's own connection runs with synchronous=FULL (2)")
        func synchronousIsFull() throws {
            let dir = try ScratchDirectory()
            let store = try SQLiteStore(path: dir.file("sync.db"))
            let readLevel = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            let writeLevel = try store.queue.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            #expect(readLevel == 2)
            #expect(writeLevel == 2)
        }

        // MARK: - Failures name the path

        @Test("a path that cannot be created gives a StoreError that names it", arguments: [
            "/proc/nonexistent/x.db",
            "/proc/nonexistent/deeper/still/x.db",
        ])
        func unopenablePathIsNamed(path: String) {
            let error = #expect(throws: StoreError.self) { _ = try SQLiteStore(path: path) }
            #expect(error?.message.contains(path) == true, "message: \(error?.message ?? "")")
        }

        @Test("a file that is not a database gives a StoreError that names it")
        func notADatabaseIsNamed() throws {
            let dir = try ScratchDirectory()
            let path = dir.file("notes.db")
            try Data(String(repeating: "this is not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { _ = try SQLiteStore(path: path) }
            #expect(error?.message.contains(path) == true, "message: \(error?.message ?? "")")
        }

        @Test("a directory in place of the file gives a StoreError that names it")
        func directoryIsNamed() throws {
            let dir = try ScratchDirectory()
            let path = dir.file("adir.db")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let error = #expect(throws: StoreError.self) { _ = try SQLiteStore(path: path) }
            #expect(error?.message.contains(path) == true, "message: \(error?.message ?? "")")
        }
    }
}
