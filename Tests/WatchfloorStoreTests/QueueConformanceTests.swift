import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// Every store keeps the dispatch queue of DESIGN §5: orders written in the transaction of the
    /// entries that cause them, claimed under leases, finished only by their holder, retried with
    /// backoff until dead, and never made twice for one idempotency key. Each test runs against
    /// SQLite and against PostgreSQL.
    @Suite("Store conformance: the dispatch queue")
    struct QueueConformanceTests {
        let scratches = Scratches()

        static let t0 = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!
        static func at(_ seconds: Double) -> Instant { t0.adding(seconds: seconds) }

        /// Appends one `dispatch.queued` per (incident, unit), numbered on from the store's orders.
        static func queue(_ pairs: [(String, String)], exercise: Bool = false, into store: any DispatchStore) throws {
            var chain = try store.chainHead()
            let first = try store.orders().count + 1
            let sealed = pairs.enumerated().map { i, pair in
                chain.seal(LogEntry(at: t0, actor: "operator:duty1", exercise: exercise, event: .dispatchQueued(DispatchQueued(
                    order: Order.id(number: first + i), key: "\(pair.0)/\(pair.1)/1", incident: pair.0, unit: pair.1, agency: .fire, note: nil))))
            }
            try store.append(sealed)
        }

        @Test("an appended dispatch.queued is an order in the same commit", arguments: StoreKind.allCases)
        func queuedIsAnOrder(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 2, exercise: true).store
            let orders = try store.orders()
            #expect(orders.map(\.id) == ["ORD-0001", "ORD-0002"])
            #expect(orders.map(\.key) == ["SD-1/FIRE-3701-1/1", "SD-2/FIRE-3701-2/1"])
            #expect(orders.allSatisfy { $0.state == .queued && $0.exercise && $0.created == Self.t0 && $0.attempts == 0 })
            #expect(try store.orders(exercise: false).isEmpty)
            #expect(try store.orders(agency: .police).isEmpty)
            #expect(try store.orders(states: [.claimed, .acked]).isEmpty)
            #expect(try store.orders(agency: .fire, states: [.queued], exercise: true).count == 2)
        }

        @Test("a claim takes the oldest claimable orders, logs each, and leaves the rest", arguments: StoreKind.allCases)
        func claim(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 3).store
            let claimed = try store.claim(agency: .fire, consumer: "gw1", max: 2, leaseSeconds: 60, exercise: false, at: Self.t0)
            #expect(claimed.map(\.id) == ["ORD-0001", "ORD-0002"])
            let stored = try store.orders()
            #expect(stored.map(\.state) == [.claimed, .claimed, .queued])
            #expect(stored[0].consumer == "gw1")
            #expect(stored[0].leaseExpires == Self.at(60))
            #expect(Array(stored.prefix(2)) == claimed, "the store holds what the transition returned")
            #expect(try kinds(store).suffix(2) == ["dispatch.claimed", "dispatch.claimed"])
            // Training orders are not a live consumer's, nor live orders a training one's.
            #expect(try store.claim(agency: .fire, consumer: "gw9", max: 10, leaseSeconds: 60, exercise: true, at: Self.t0).isEmpty)
            #expect(try store.claim(agency: .police, consumer: "gw9", max: 10, leaseSeconds: 60, exercise: false, at: Self.t0).isEmpty)
            #expect(try store.claim(agency: .fire, consumer: "gw9", max: 0, leaseSeconds: 60, exercise: false, at: Self.t0).isEmpty)
        }

        @Test("a claim that finds nothing to claim appends nothing", arguments: StoreKind.allCases)
        func emptyClaimWritesNothing(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 5, leaseSeconds: 60, exercise: false, at: Self.t0)
            let head = try store.chainHead()
            #expect(try store.claim(agency: .fire, consumer: "gw2", max: 5, leaseSeconds: 60, exercise: false, at: Self.at(1)).isEmpty)
            #expect(try store.chainHead().nextSeq == head.nextSeq)
        }

        @Test("only the holder acks; a refused ack writes nothing", arguments: StoreKind.allCases)
        func fencing(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.t0)
            let before = try kinds(store)
            #expect(throws: OrderRefusal("cannot acknowledge order ORD-0001: it is claimed by gw1, not gw2")) {
                try store.ack("ORD-0001", consumer: "gw2", status: .enroute, at: Self.at(1))
            }
            #expect(throws: OrderRefusal("no order ORD-0042; `watchfloor queue list` shows the orders")) {
                try store.ack("ORD-0042", consumer: "gw1", status: nil, at: Self.at(1))
            }
            #expect(try kinds(store) == before)
            #expect(try store.orders().first?.state == .claimed)
            let acked = try store.ack("ORD-0001", consumer: "gw1", status: .enroute, at: Self.at(2))
            #expect(acked.state == .acked)
            #expect(try store.orders().first == acked)
            #expect(try kinds(store).last == "dispatch.acked")
            #expect(throws: OrderRefusal.self) { try store.fail("ORD-0001", consumer: "gw1", reason: nil, at: Self.at(3)) }
        }

        @Test("a lapsed lease returns the order: another consumer claims it, and the first is fenced off", arguments: StoreKind.allCases)
        func leaseExpiry(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 5, leaseSeconds: 60, exercise: false, at: Self.t0)
            #expect(try store.claim(agency: .fire, consumer: "gw2", max: 5, leaseSeconds: 60, exercise: false, at: Self.at(59.999)).isEmpty)
            let taken = try store.claim(agency: .fire, consumer: "gw2", max: 5, leaseSeconds: 60, exercise: false, at: Self.at(60))
            #expect(taken.map(\.id) == ["ORD-0001"])
            #expect(taken.first?.consumer == "gw2")
            #expect(throws: OrderRefusal.self) { try store.fail("ORD-0001", consumer: "gw1", reason: "late", at: Self.at(61)) }
            #expect(try store.ack("ORD-0001", consumer: "gw2", status: nil, at: Self.at(62)).state == .acked)
        }

        @Test("a holder whose lease lapsed may still ack while nobody has claimed the order since", arguments: StoreKind.allCases)
        func lapsedHolderStillAcks(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.t0)
            #expect(try store.ack("ORD-0001", consumer: "gw1", status: nil, at: Self.at(600)).state == .acked)
        }

        @Test("failures are retried after a growing backoff, and the fifth makes the order dead", arguments: StoreKind.allCases)
        func retriesThenDead(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            var now = 0.0
            for (n, wait) in [30.0, 60, 120, 240].enumerated() {
                #expect(try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now)).count == 1)
                let failed = try store.fail("ORD-0001", consumer: "gw1", reason: "无人接警", at: Self.at(now))
                #expect(failed.state == .failed)
                #expect(try store.orders().first == failed, "the store holds what the transition returned")
                #expect(failed.attempts == n + 1)
                #expect(try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now + wait - 0.001)).isEmpty)
                now += wait
            }
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now))
            let dead = try store.fail("ORD-0001", consumer: "gw1", reason: nil, at: Self.at(now))
            #expect(dead.state == .dead)
            #expect(try store.orders().first == dead)
            #expect(try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now + 86_400)).isEmpty)
            #expect(try kinds(store).filter { $0 == "dispatch.failed" }.count == 5)
        }

        @Test("a policy's numbers are the ones applied", arguments: StoreKind.allCases)
        func policyApplies(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            let policy = QueuePolicy(maxAttempts: 2, backoffSeconds: 5)
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.t0)
            #expect(try store.fail("ORD-0001", consumer: "gw1", reason: nil, at: Self.t0, policy: policy).nextAttempt == Self.at(5))
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(5))
            #expect(try store.fail("ORD-0001", consumer: "gw1", reason: nil, at: Self.at(5), policy: policy).state == .dead)
        }

        @Test("one idempotency key makes one order: a second submission with it is refused whole", arguments: StoreKind.allCases)
        func idempotency(kind: StoreKind) throws {
            let store = try scratches.store(kind, orders: 1).store
            let head = try store.chainHead()
            let error = #expect(throws: StoreError.self) {
                try Self.queue([("SD-1", "FIRE-3701-1")], into: store)
            }
            #expect(error?.message.contains("idempotency key SD-1/FIRE-3701-1/1 already made an order") == true, "\(error?.message ?? "")")
            #expect(try store.orders().count == 1)
            #expect(try store.chainHead().nextSeq == head.nextSeq, "the entry that would have made it is not stored either")
        }

        @Test("the schema refuses moving a finished order, or changing what an order is", arguments: StoreKind.allCases, [
            "UPDATE dispatch_order SET state = 'queued' WHERE id = 'ORD-0001'",
            "UPDATE dispatch_order SET unit = 'X' WHERE id = 'ORD-0002'",
            "DELETE FROM dispatch_order",
        ])
        func schemaKeepsFinishedOrders(kind: StoreKind, sql: String) throws {
            let scratch = try scratches.store(kind, orders: 2)
            let store = scratch.store
            _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.t0)
            _ = try store.ack("ORD-0001", consumer: "gw1", status: nil, at: Self.t0)
            let before = try store.orders()
            let error = #expect(throws: (any Error).self) { try scratch.execute(sql) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("never"), "refused by the schema's own rule: \(error.map { "\($0)" } ?? "")")
            #expect(try store.orders() == before)
        }
    }
}

extension Scratches {
    /// A store holding `count` queued orders of the fire agency (ORD-0001...), sent by duty1.
    func store(_ kind: StoreKind, orders count: Int, exercise: Bool = false) throws -> ScratchStore {
        let scratch = try store(kind)
        try StoreTests.QueueConformanceTests.queue((1...count).map { n in ("SD-\(n)", "FIRE-3701-\(n)") }, exercise: exercise, into: scratch.store)
        return scratch
    }
}
