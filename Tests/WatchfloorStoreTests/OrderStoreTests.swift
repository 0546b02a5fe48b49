import Foundation
import GRDB
import Testing
import WatchfloorCore
@testable import WatchfloorStore

/// The dispatch queue in the SQLite store: orders written in the transaction of the entries
/// that cause them, claimed under leases, finished only by their holder, retried with backoff
/// until dead, and never made twice for one idempotency key.
@Suite("SQLite dispatch queue")
struct OrderStoreTests {
    static let t0 = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!
    static func at(_ seconds: Double) -> Instant { t0.adding(seconds: seconds) }

    /// A store holding `count` queued orders of the fire agency (ORD-0001...), sent by duty1.
    func store(orders count: Int, exercise: Bool = false, _ dir: ScratchDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: dir.file("queue.db"))
        try queue((1...count).map { n in ("SD-000\(n)", "FIRE-3701-0\(n)") }, exercise: exercise, into: store)
        return store
    }

    /// Appends one `dispatch.queued` per (incident, unit), numbered on from the store's orders.
    func queue(_ pairs: [(String, String)], exercise: Bool = false, key: ((String, String)) -> String = { "\($0.0)/\($0.1)/1" },
               into store: SQLiteStore) throws {
        var chain = try store.chainHead()
        let first = try store.orders().count + 1
        let sealed = pairs.enumerated().map { i, pair in
            chain.seal(LogEntry(at: Self.t0, actor: "operator:duty1", exercise: exercise, event: .dispatchQueued(DispatchQueued(
                order: Order.id(number: first + i), key: key(pair), incident: pair.0, unit: pair.1, agency: .fire, note: nil))))
        }
        try store.append(sealed)
    }

    func kinds(_ store: SQLiteStore) throws -> [String] {
        var kinds: [String] = []
        try store.forEachLine(from: 1) { line in
            kinds.append(try line.line.withBytes { (b) throws(LogLineError) in try LogLine.parse(b).kind })
        }
        return kinds
    }

    @Test("an appended dispatch.queued is an order in the same commit")
    func queuedIsAnOrder() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 2, exercise: true, dir)
        let orders = try store.orders()
        #expect(orders.map(\.id) == ["ORD-0001", "ORD-0002"])
        #expect(orders.map(\.key) == ["SD-0001/FIRE-3701-01/1", "SD-0002/FIRE-3701-02/1"])
        #expect(orders.allSatisfy { $0.state == .queued && $0.exercise && $0.created == Self.t0 && $0.attempts == 0 })
        #expect(try store.orders(exercise: false).isEmpty)
        #expect(try store.orders(agency: .police).isEmpty)
    }

    @Test("a claim takes the oldest claimable orders, logs each, and leaves the rest")
    func claim() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 3, dir)
        let claimed = try store.claim(agency: .fire, consumer: "gw1", max: 2, leaseSeconds: 60, exercise: false, at: Self.t0)
        #expect(claimed.map(\.id) == ["ORD-0001", "ORD-0002"])
        let stored = try store.orders()
        #expect(stored.map(\.state) == [.claimed, .claimed, .queued])
        #expect(stored[0].consumer == "gw1")
        #expect(stored[0].leaseExpires == Self.at(60))
        #expect(try kinds(store).suffix(2) == ["dispatch.claimed", "dispatch.claimed"])
        // Training orders are not a live consumer's, nor live orders a training one's.
        #expect(try store.claim(agency: .fire, consumer: "gw9", max: 10, leaseSeconds: 60, exercise: true, at: Self.t0).isEmpty)
        #expect(try store.claim(agency: .police, consumer: "gw9", max: 10, leaseSeconds: 60, exercise: false, at: Self.t0).isEmpty)
    }

    @Test("only the holder acks; a refused ack writes nothing")
    func fencing() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 1, dir)
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
        #expect(try store.orders().first?.state == .acked)
        #expect(try kinds(store).last == "dispatch.acked")
    }

    @Test("a lapsed lease returns the order: another consumer claims it, and the first is fenced off")
    func leaseExpiry() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 1, dir)
        _ = try store.claim(agency: .fire, consumer: "gw1", max: 5, leaseSeconds: 60, exercise: false, at: Self.t0)
        #expect(try store.claim(agency: .fire, consumer: "gw2", max: 5, leaseSeconds: 60, exercise: false, at: Self.at(59)).isEmpty)
        let taken = try store.claim(agency: .fire, consumer: "gw2", max: 5, leaseSeconds: 60, exercise: false, at: Self.at(60))
        #expect(taken.map(\.id) == ["ORD-0001"])
        #expect(taken.first?.consumer == "gw2")
        #expect(throws: OrderRefusal.self) { try store.fail("ORD-0001", consumer: "gw1", reason: "late", at: Self.at(61)) }
        #expect(try store.ack("ORD-0001", consumer: "gw2", status: nil, at: Self.at(62)).state == .acked)
    }

    @Test("failures are retried after a growing backoff, and the fifth makes the order dead")
    func retriesThenDead() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 1, dir)
        var now = 0.0
        for (n, wait) in [30.0, 60, 120, 240].enumerated() {
            #expect(try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now)).count == 1)
            let failed = try store.fail("ORD-0001", consumer: "gw1", reason: "无人接警", at: Self.at(now))
            #expect(failed.state == .failed)
            #expect(try store.orders().first == failed, "the store holds what the transition returned")
            #expect(failed.attempts == n + 1)
            #expect(try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now + wait - 1)).isEmpty)
            now += wait
        }
        _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now))
        let dead = try store.fail("ORD-0001", consumer: "gw1", reason: nil, at: Self.at(now))
        #expect(dead.state == .dead)
        #expect(try store.orders().first?.state == .dead)
        #expect(try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.at(now + 86_400)).isEmpty)
        #expect(try kinds(store).filter { $0 == "dispatch.failed" }.count == 5)
    }

    @Test("one idempotency key makes one order: a second submission with it is refused whole")
    func idempotency() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 1, dir)
        let head = try store.chainHead()
        let error = #expect(throws: StoreError.self) {
            try queue([("SD-0001", "FIRE-3701-01")], into: store)
        }
        #expect(error?.message.contains("idempotency key SD-0001/FIRE-3701-01/1 already made an order") == true, "\(error?.message ?? "")")
        #expect(try store.orders().count == 1)
        #expect(try store.chainHead().nextSeq == head.nextSeq, "the entry that would have made it is not stored either")
    }

    @Test("a decision that throws inside transact appends nothing")
    func transactRollsBack() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 1, dir)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            let _: Int = try store.transact { tx in
                var chain = try tx.chainHead()
                let entry = LogEntry(at: Self.t0, actor: "system", exercise: false, event: .warningExpired(warning: "w"))
                _ = chain.seal(entry)
                throw Refused()
            }
        }
        #expect(try kinds(store) == ["dispatch.queued"])
    }

    @Test("the schema refuses moving a finished order, or changing what an order is")
    func schemaKeepsFinishedOrders() throws {
        let dir = try ScratchDirectory()
        let store = try store(orders: 1, dir)
        _ = try store.claim(agency: .fire, consumer: "gw1", max: 1, leaseSeconds: 60, exercise: false, at: Self.t0)
        _ = try store.ack("ORD-0001", consumer: "gw1", status: nil, at: Self.t0)
        #expect(throws: (any Error).self) {
            try store.queue.write { db in try db.execute(sql: "UPDATE dispatch_order SET state = 'queued' WHERE id = 'ORD-0001'") }
        }
        #expect(throws: (any Error).self) {
            try store.queue.write { db in try db.execute(sql: "UPDATE dispatch_order SET unit = 'X' WHERE id = 'ORD-0001'") }
        }
        #expect(throws: (any Error).self) {
            try store.queue.write { db in try db.execute(sql: "DELETE FROM dispatch_order") }
        }
        #expect(try store.orders().first?.state == .acked)
    }
}
