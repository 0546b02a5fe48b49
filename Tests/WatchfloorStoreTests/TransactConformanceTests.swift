import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// Every store lets a writer read, decide and append in one transaction under its write lock:
    /// what the body reads is what it appends onto, its entries carry their order effects, and a
    /// body or a store that fails leaves nothing behind. Each test runs against SQLite and against
    /// PostgreSQL.
    @Suite("Store conformance: transact")
    struct TransactConformanceTests {
        let scratches = Scratches()

        static let t0 = QueueConformanceTests.t0

        @Test("a decision that throws inside transact appends nothing, and its error comes out as thrown", arguments: StoreKind.allCases)
        func transactRollsBack(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            struct Refused: Error {}
            #expect(throws: Refused.self) {
                let _: Int = try store.transact { tx in
                    var chain = try tx.chainHead()
                    _ = chain.seal(LogEntry(at: Self.t0, actor: "system", exercise: false, event: .warningExpired(warning: "w")))
                    throw Refused()
                }
            }
            #expect(try kinds(store) == ["dispatch.queued"])
            // The lock was released with the transaction: the next writer gets in.
            try appendOne(store, "after")
            #expect(try store.chainHead().nextSeq == 3)
        }

        @Test("the body reads the log and the orders as committed, and its entries land with their orders", arguments: StoreKind.allCases)
        func bodyReadsAndAppends(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 2).store
            let answer: String = try store.transact { tx in
                var seen: [Int64] = []
                try tx.forEachLine(from: 2) { seen.append($0.seq) }
                #expect(seen == [2])
                #expect(try tx.orders().map(\.id) == ["ORD-0001", "ORD-0002"])
                #expect(try tx.orders(agency: .fire, states: [.queued], exercise: false).count == 2)
                #expect(try tx.orders(agency: .police).isEmpty)
                #expect(try tx.order("ORD-0002")?.unit == "FIRE-3701-2")
                #expect(try tx.order("ORD-0099") == nil)
                var chain = try tx.chainHead()
                #expect(chain.nextSeq == 3)
                let queued = chain.seal(LogEntry(at: Self.t0, actor: "operator:duty2", exercise: false, event: .dispatchQueued(DispatchQueued(
                    order: "ORD-0003", key: "SD-3/FIRE-3701-3/1", incident: "SD-3", unit: "FIRE-3701-3", agency: .fire, note: "走东门"))))
                return ([queued], "decided")
            }
            #expect(answer == "decided")
            #expect(try store.orders().last?.note == "走东门")
            #expect(try store.orders().last?.id == "ORD-0003")
            try expectWholeChain(store, count: 3)
        }

        @Test("a body that only reads appends nothing and still answers", arguments: StoreKind.allCases)
        func readOnlyBody(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            let next: Int64 = try store.transact { tx in ([], try tx.chainHead().nextSeq) }
            #expect(next == 2)
            #expect(try store.chainHead().nextSeq == 2)
        }

        @Test("entries that do not continue the chain make transact fail with a StoreError, and nothing is stored", arguments: StoreKind.allCases)
        func brokenEntriesFailTheTransaction(kind: StoreKind) throws {
            let store = try scratches.store(kind).store
            try appendOne(store, "first")
            let error = #expect(throws: StoreError.self) {
                try store.transact { _ in
                    // Sealed on a fresh chain, not on the store's head.
                    var stale = LogChain()
                    return ([stale.seal(LogEntry(at: Self.t0, actor: "system", exercise: false, event: .warningExpired(warning: "late")))], ())
                }
            }
            #expect(error?.message.contains(store.location) == true, "the error names the store: \(error?.message ?? "")")
            #expect(try store.chainHead().nextSeq == 2)
        }

        @Test("a writer that decided on an old head cannot append: another's commit came first", arguments: StoreKind.allCases)
        func staleHeadIsRefused(kind: StoreKind) throws {
            let scratch = try scratches.store(kind)
            let (a, b) = (scratch.store, try scratch.open())
            var chainA = try a.chainHead()
            var chainB = try b.chainHead()
            try a.append([chainA.seal(LogEntry(at: Self.t0, actor: "operator:a", exercise: false, event: .warningExpired(warning: "a")))])
            #expect(throws: StoreError.self) {
                try b.append([chainB.seal(LogEntry(at: Self.t0, actor: "operator:b", exercise: false, event: .warningExpired(warning: "b")))])
            }
            try expectWholeChain(a, count: 1)
        }
    }
}

/// Appends one entry through `transact`, sealed on the head the transaction reads.
func appendOne(_ store: any DispatchStore, _ warning: String, actor: String = "system") throws {
    try store.transact { tx in
        var chain = try tx.chainHead()
        return ([chain.seal(LogEntry(at: StoreTests.TransactConformanceTests.t0, actor: actor, exercise: false, event: .warningExpired(warning: warning)))], ())
    }
}
