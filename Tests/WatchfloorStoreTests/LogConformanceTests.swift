import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// Every store keeps the incident log of DESIGN §3.3: lines stored byte for byte, a chain the
    /// schema itself refuses to break, entries never changed or deleted. Each test runs against
    /// SQLite and against PostgreSQL.
    @Suite("Store conformance: the log")
    struct LogConformanceTests {
        let scratches = Scratches()

        // MARK: - A new store

        @Test("a new store's chain starts at seq 1 after 64 zeros", arguments: StoreKind.allCases)
        func newStoreStartsTheChain(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            let head = try store.chainHead()
            #expect(head.nextSeq == 1)
            #expect(head.head == String(repeating: "0", count: 64))
            #expect(try storedLines(store).isEmpty)
        }

        // MARK: - Append and read back

        @Test("appended lines come back byte for byte, with their hashes, in order", arguments: StoreKind.allCases)
        func appendThenReadBack(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            let sealed = sampleEntries(5).map { chain.seal($0) }
            try store.append(Array(sealed[0..<2]))
            try store.append(Array(sealed[2...]))

            let lines = try storedLines(store)
            #expect(lines.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(lines.map(\.line) == sealed.map(\.line))
            #expect(lines.map(\.hash) == sealed.map(\.hash))
            try expectWholeChain(store, count: 5)
            let head = try store.chainHead()
            #expect(head.nextSeq == 6)
            #expect(head.head == sealed.last?.hash)
        }

        @Test("text that Unicode calls equal but whose bytes differ is stored as its own bytes", arguments: StoreKind.allCases)
        func bytesArePreservedExactly(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
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

        @Test("forEachLine(from:) starts at that seq", arguments: StoreKind.allCases, [1, 3, 5, 6] as [Int64])
        func readsFromASeq(kind: StoreKind, from: Int64) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            let sealed = sampleEntries(5).map { chain.seal($0) }
            try store.append(sealed)
            let lines = try storedLines(store, from: from)
            #expect(lines.map(\.seq) == (1...5).filter { $0 >= from })
            #expect(lines.map(\.line) == sealed.filter { $0.seq >= from }.map(\.line))
        }

        @Test("a log longer than one read comes back whole, from its start and from its middle", arguments: StoreKind.allCases)
        func longLogReadsWhole(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            // Past PostgresLogTable's page, so that reading crosses page boundaries.
            let count = PostgresLogTable.page * 2 + 7
            let sealed = sampleEntries(count).map { chain.seal($0) }
            try store.append(sealed)
            try expectWholeChain(store, count: count)
            let from = Int64(PostgresLogTable.page)
            #expect(try storedLines(store, from: from).map(\.seq) == Array(from...Int64(count)))
        }

        @Test("an error thrown by forEachLine's body stops the reading and comes out as a StoreError", arguments: StoreKind.allCases)
        func bodyErrorStopsReading(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            try store.append(sampleEntries(5).map { chain.seal($0) })
            struct Stop: Error {}
            var seen = 0
            #expect(throws: StoreError.self) {
                try store.forEachLine(from: 1) { _ in
                    seen += 1
                    if seen == 2 { throw Stop() }
                }
            }
            #expect(seen == 2)
        }

        @Test("an empty batch is a no-op", arguments: StoreKind.allCases)
        func emptyBatch(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            try store.append([])
            #expect(try store.chainHead().nextSeq == 1)
        }

        // MARK: - Reopening

        @Test("a reopened store continues the chain where it ended", arguments: StoreKind.allCases)
        func reopenContinuesTheChain(kind: StoreKind) throws {
            let scratch = try scratches.store(kind)
            var chain = LogChain()
            let first = sampleEntries(3).map { chain.seal($0) }
            try scratch.open().append(first)

            let reopened = try scratch.open()
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
            #expect(try scratch.open().chainHead().head == second.last?.hash)
        }

        // MARK: - The schema keeps the chain whole

        @Test("a second chain started from scratch is refused, and nothing of it is stored", arguments: StoreKind.allCases)
        func secondChainFromGenesisIsRefused(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            let original = sampleEntries(3).map { chain.seal($0) }
            try store.append(original)

            var fork = LogChain()
            let forked = sampleEntries(2, startingAt: 10).map { fork.seal($0) }
            #expect(throws: StoreError.self) { try store.append(forked) }
            try expectUnchanged(store, holding: original)
        }

        @Test("an entry that continues a chain the store does not hold is refused", arguments: StoreKind.allCases)
        func entryFromAnotherChainIsRefused(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
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

        @Test("a gap in seq is refused", arguments: StoreKind.allCases)
        func gapInSeqIsRefused(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            let original = sampleEntries(3).map { chain.seal($0) }
            try store.append(original)

            // prev is the true head, but seq skips 4.
            var skipping = LogChain(nextSeq: 5, head: chain.head)
            let gapped = skipping.seal(entry(4, .warningExpired(warning: "gap")))
            #expect(throws: StoreError.self) { try store.append([gapped]) }
            try expectUnchanged(store, holding: original)
        }

        @Test("a first entry whose prev is not 64 zeros is refused", arguments: StoreKind.allCases)
        func firstEntryMustStartFromGenesis(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain(nextSeq: 1, head: String(repeating: "1", count: 64))
            let bad = chain.seal(entry(0, .warningExpired(warning: "w")))
            #expect(throws: StoreError.self) { try store.append([bad]) }
            try expectUnchanged(store, holding: [])
        }

        @Test("a batch whose last entry breaks the chain leaves the store unchanged", arguments: StoreKind.allCases)
        func batchIsAtomic(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
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

        @Test("replaying an already stored entry (same seq) is refused", arguments: StoreKind.allCases)
        func duplicateSeqIsRefused(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            var chain = LogChain()
            let original = sampleEntries(2).map { chain.seal($0) }
            try store.append(original)
            #expect(throws: StoreError.self) { try store.append([original[1]]) }
            try expectUnchanged(store, holding: original)
        }

        // MARK: - Entries are never changed or deleted

        @Test("UPDATE and DELETE on log_entry are refused by the schema", arguments: StoreKind.allCases, [
            "UPDATE log_entry SET kind = 'incident.opened' WHERE seq = 2",
            "UPDATE log_entry SET line = line || ' ' WHERE seq = 3",
            "UPDATE log_entry SET hash = prev",
            "DELETE FROM log_entry WHERE seq = 3",
            "DELETE FROM log_entry",
        ])
        func entriesAreImmutable(kind: StoreKind, sql: String) throws {
            let scratch = try scratches.store(kind)
            var chain = LogChain()
            let original = sampleEntries(3).map { chain.seal($0) }
            try scratch.store.append(original)

            let error = #expect(throws: (any Error).self) { try scratch.execute(sql) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("never"), "refused by the schema's own rule: \(error.map { "\($0)" } ?? "")")
            try expectUnchanged(scratch.store, holding: original)
        }

        @Test("a raw INSERT that breaks the chain is refused even without the store's code", arguments: StoreKind.allCases)
        func rawInsertIsChecked(kind: StoreKind) throws {
            let scratch = try scratches.store(kind)
            var chain = LogChain()
            let original = sampleEntries(2).map { chain.seal($0) }
            try scratch.store.append(original)

            // A well-formed entry 3, hashed right, that follows some other line.
            var elsewhere = LogChain(nextSeq: 3, head: String(repeating: "b", count: 64))
            let stranger = elsewhere.seal(entry(3, .warningExpired(warning: "stranger")))
            let error = #expect(throws: (any Error).self) { try scratch.insertBehindTheStore(stranger) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("chain broken"), "\(error.map { "\($0)" } ?? "")")
            try expectUnchanged(scratch.store, holding: original)

            // The same statement with the true link goes in: the refusal was the chain's.
            try scratch.insertBehindTheStore(LogChain(nextSeq: 3, head: chain.head).sealing(entry(3, .warningExpired(warning: "w"))))
            #expect(try scratch.store.chainHead().nextSeq == 4)
        }
    }
}

extension LogChain {
    /// The entry sealed on a copy of this chain.
    func sealing(_ entry: LogEntry) -> SealedEntry {
        var copy = self
        return copy.seal(entry)
    }
}
