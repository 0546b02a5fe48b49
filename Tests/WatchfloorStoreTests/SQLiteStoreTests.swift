import Foundation
import GRDB
import Testing
import WatchfloorCore
@testable import WatchfloorStore

/// The embedded store keeps the incident log of DESIGN §3.3 and §5: lines stored byte for
/// byte, a chain the schema itself refuses to break, entries never changed or deleted, WAL with
/// `synchronous=FULL`, and failures said with the path in them.
@Suite("SQLite store")
struct SQLiteStoreTests {
    // MARK: - A new store

    @Test("a new store's chain starts at seq 1 after 64 zeros")
    func newStoreStartsTheChain() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("new.db"))
        let head = try store.chainHead()
        #expect(head.nextSeq == 1)
        #expect(head.head == String(repeating: "0", count: 64))
        #expect(try storedLines(store).isEmpty)
    }

    @Test("opening creates the missing directories of the path")
    func createsParentDirectories() throws {
        let dir = try ScratchDirectory()
        let path = dir.file("state/watchfloor/watchfloor.db")
        _ = try SQLiteStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    // MARK: - Append and read back

    @Test("appended lines come back byte for byte, with their hashes, in order")
    func appendThenReadBack() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("log.db"))
        var chain = LogChain()
        let sealed = sampleEntries(5).map { chain.seal($0) }
        try store.append(Array(sealed[0..<2]))
        try store.append(Array(sealed[2...]))

        let lines = try storedLines(store)
        #expect(lines.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.line) == sealed.map(\.line))
        #expect(lines.map(\.hash) == sealed.map(\.hash))
        // The stored hash is the SHA-256 of the stored bytes, and each line links to the one before.
        for (i, line) in lines.enumerated() {
            #expect(LogChain.hash(line.line) == line.hash)
            let prev = try line.line.withBytes { (b) throws(LogLineError) -> String in try LogLine.parse(b).prev }
            #expect(prev == (i == 0 ? LogChain.genesis : lines[i - 1].hash))
        }
        let head = try store.chainHead()
        #expect(head.nextSeq == 6)
        #expect(head.head == sealed.last?.hash)
    }

    @Test("text that Unicode calls equal but whose bytes differ is stored as its own bytes")
    func bytesArePreservedExactly() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("bytes.db"))
        var chain = LogChain()
        // "é" precomposed and decomposed, CJK, an emoji, a line separator, a quote and a control character.
        let reasons = ["caf\u{E9}", "cafe\u{301}", "济南暴雨 🌧", "a\u{2028}b \"q\" \u{1}"]
        let sealed = reasons.enumerated().map { i, reason in
            chain.seal(entry(i, .incidentClosed(incident: "SD-000\(i)", reason: reason)))
        }
        try store.append(sealed)
        let lines = try storedLines(store)
        #expect(lines.map(\.line) == sealed.map(\.line))
        #expect(lines[0].line != lines[1].line)
    }

    @Test("forEachLine(from:) starts at that seq", arguments: [1, 3, 5, 6] as [Int64])
    func readsFromASeq(from: Int64) throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("from.db"))
        var chain = LogChain()
        let sealed = sampleEntries(5).map { chain.seal($0) }
        try store.append(sealed)
        let lines = try storedLines(store, from: from)
        #expect(lines.map(\.seq) == (1...5).filter { $0 >= from })
        #expect(lines.map(\.line) == sealed.filter { $0.seq >= from }.map(\.line))
    }

    @Test("an empty batch is a no-op")
    func emptyBatch() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("empty.db"))
        try store.append([])
        #expect(try store.chainHead().nextSeq == 1)
    }

    // MARK: - Reopening

    @Test("a reopened store continues the chain where it ended")
    func reopenContinuesTheChain() throws {
        let dir = try ScratchDirectory()
        let path = dir.file("reopen.db")
        var chain = LogChain()
        let first = sampleEntries(3).map { chain.seal($0) }
        do {
            let store = try SQLiteStore(path: path)
            try store.append(first)
        }
        let reopened = try SQLiteStore(path: path)
        var resumed = try reopened.chainHead()
        #expect(resumed.nextSeq == 4)
        #expect(resumed.head == first.last?.hash)
        #expect(resumed.head == chain.head)

        let second = sampleEntries(2, startingAt: 3).map { resumed.seal($0) }
        try reopened.append(second)
        let lines = try storedLines(reopened)
        #expect(lines.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.line) == (first + second).map(\.line))

        // A third opening sees all five.
        let again = try SQLiteStore(path: path)
        #expect(try again.chainHead().head == second.last?.hash)
    }

    // MARK: - The schema keeps the chain whole

    @Test("a second chain started from scratch is refused, and nothing of it is stored")
    func secondChainFromGenesisIsRefused() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("fork.db"))
        var chain = LogChain()
        let original = sampleEntries(3).map { chain.seal($0) }
        try store.append(original)

        var fork = LogChain()
        let forked = sampleEntries(2, startingAt: 10).map { fork.seal($0) }
        #expect(throws: StoreError.self) { try store.append(forked) }
        try expectUnchanged(store, holding: original)
    }

    @Test("an entry that continues a chain the store does not hold is refused")
    func entryFromAnotherChainIsRefused() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("other.db"))
        var chain = LogChain()
        let original = sampleEntries(3).map { chain.seal($0) }
        try store.append(original)

        // Right seq (4), wrong prev: the head of some other log.
        var other = LogChain(nextSeq: 4, head: String(repeating: "ab", count: 32))
        let stranger = other.seal(entry(99, .warningExpired(warning: "stranger")))
        let error = #expect(throws: StoreError.self) { try store.append([stranger]) }
        #expect(error?.message.contains("chain") == true, "the refusal says why: \(error?.message ?? "")")
        try expectUnchanged(store, holding: original)
    }

    @Test("a gap in seq is refused")
    func gapInSeqIsRefused() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("gap.db"))
        var chain = LogChain()
        let original = sampleEntries(3).map { chain.seal($0) }
        try store.append(original)

        // prev is the true head, but seq skips 4.
        var skipping = LogChain(nextSeq: 5, head: chain.head)
        let gapped = skipping.seal(entry(4, .warningExpired(warning: "gap")))
        #expect(throws: StoreError.self) { try store.append([gapped]) }
        try expectUnchanged(store, holding: original)
    }

    @Test("a first entry whose prev is not 64 zeros is refused")
    func firstEntryMustStartFromGenesis() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("genesis.db"))
        var chain = LogChain(nextSeq: 1, head: String(repeating: "1", count: 64))
        let bad = chain.seal(entry(0, .warningExpired(warning: "w")))
        #expect(throws: StoreError.self) { try store.append([bad]) }
        try expectUnchanged(store, holding: [])
    }

    @Test("a batch whose last entry breaks the chain leaves the store unchanged")
    func batchIsAtomic() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("atomic.db"))
        var chain = LogChain()
        let original = sampleEntries(2).map { chain.seal($0) }
        try store.append(original)

        // Entries 3 and 4 are good; the third of the batch repeats seq 4's place with a broken link.
        var continuing = chain
        let good = sampleEntries(2, startingAt: 2).map { continuing.seal($0) }
        var broken = LogChain(nextSeq: continuing.nextSeq, head: String(repeating: "f", count: 64))
        let bad = broken.seal(entry(7, .warningExpired(warning: "bad")))
        #expect(throws: StoreError.self) { try store.append(good + [bad]) }
        try expectUnchanged(store, holding: original)

        // The store is still usable: the good entries alone go in.
        try store.append(good)
        #expect(try storedLines(store).map(\.seq) == [1, 2, 3, 4])
    }

    @Test("replaying an already stored entry (same seq) is refused")
    func duplicateSeqIsRefused() throws {
        let dir = try ScratchDirectory()
        let store = try SQLiteStore(path: dir.file("dup.db"))
        var chain = LogChain()
        let original = sampleEntries(2).map { chain.seal($0) }
        try store.append(original)
        #expect(throws: StoreError.self) { try store.append([original[1]]) }
        try expectUnchanged(store, holding: original)
    }

    // MARK: - Entries are never changed or deleted

    @Test("UPDATE and DELETE on log_entry are refused by the schema", arguments: [
        "UPDATE log_entry SET kind = 'incident.opened' WHERE seq = 2",
        "UPDATE log_entry SET line = line || ' ' WHERE seq = 3",
        "UPDATE log_entry SET hash = prev",
        "DELETE FROM log_entry WHERE seq = 3",
        "DELETE FROM log_entry",
    ])
    func entriesAreImmutable(sql: String) throws {
        let dir = try ScratchDirectory()
        let path = dir.file("immutable.db")
        let store = try SQLiteStore(path: path)
        var chain = LogChain()
        let original = sampleEntries(3).map { chain.seal($0) }
        try store.append(original)

        let other = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) {
            try other.write { db in try db.execute(sql: sql) }
        }
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM log_entry") } == 3)
        try expectUnchanged(store, holding: original)
    }

    @Test("a raw INSERT that breaks the chain is refused even without the store's code")
    func rawInsertIsChecked() throws {
        let dir = try ScratchDirectory()
        let path = dir.file("raw.db")
        let store = try SQLiteStore(path: path)
        var chain = LogChain()
        let original = sampleEntries(2).map { chain.seal($0) }
        try store.append(original)

        let other = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) {
            try other.write { db in
                try db.execute(
                    sql: "INSERT INTO log_entry (seq, at, kind, actor, exercise, line, hash, prev) VALUES (3, 'x', 'k', 'system', 1, '{}', ?, ?)",
                    arguments: [String(repeating: "a", count: 64), String(repeating: "b", count: 64)]
                )
            }
        }
        try expectUnchanged(store, holding: original)
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

// MARK: - Helpers

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

private func entry(_ n: Int, _ event: LogEvent) -> LogEntry {
    LogEntry(
        at: Instant(milliseconds: 1_784_100_000_000 + Int64(n) * 1_000), actor: n % 2 == 0 ? "system" : "operator:duty-01",
        exercise: n % 3 == 0, event: event
    )
}

/// `count` entries of different kinds, numbered from `start` so that two batches differ.
private func sampleEntries(_ count: Int, startingAt start: Int = 0) -> [LogEntry] {
    (start..<(start + count)).map { n in
        switch n % 3 {
        case 0: entry(n, .incidentClosed(incident: "SD-\(n)", reason: "已处置完毕 #\(n)"))
        case 1: entry(n, .warningExpired(warning: "37010041600000_2026071515\(n)"))
        default: entry(n, .reportRejected(ReportRejection(feed: "jinan", offset: n * 100, line: n + 1, reason: "not valid JSON", head: "{\"id\":")))
        }
    }
}

private func storedLines(_ store: SQLiteStore, from seq: Int64 = 1) throws -> [StoredLine] {
    var lines: [StoredLine] = []
    try store.forEachLine(from: seq) { lines.append($0) }
    return lines
}

/// The store holds exactly `entries`, and its head is theirs.
private func expectUnchanged(_ store: SQLiteStore, holding entries: [SealedEntry], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let lines = try storedLines(store)
    #expect(lines.map(\.line) == entries.map(\.line), sourceLocation: sourceLocation)
    let head = try store.chainHead()
    #expect(head.nextSeq == Int64(entries.count) + 1, sourceLocation: sourceLocation)
    #expect(head.head == (entries.last?.hash ?? LogChain.genesis), sourceLocation: sourceLocation)
}
