import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorStore

extension StoreTests {
    /// Many writers at once, each with a store object of its own as separate processes have: the
    /// write lock makes them take turns, so the chain stays whole and no order is claimed twice.
    /// Bounded in count; the threads are given a minute before the test calls it a hang.
    @Suite("Store conformance: concurrent writers")
    struct ConcurrencyTests {
        let scratches = Scratches()

        static let writers = 8
        static let appendsEach = 25

        @Test("8 writers × 25 transacts: seq gapless, the chain whole, every entry in", arguments: StoreKind.allCases)
        func concurrentTransacts(kind: StoreKind) throws {
            let scratch = try scratches.store(kind)
            let stores = try (0..<Self.writers).map { _ in try scratch.open() }
            try onThreads(Self.writers) { w in
                for n in 0..<Self.appendsEach {
                    try appendOne(stores[w], "w\(w)-\(n)", actor: "operator:w\(w)")
                }
            }
            let total = Self.writers * Self.appendsEach
            try expectWholeChain(scratch.store, count: total)
            var perWriter: [String: Int] = [:]
            try scratch.store.forEachLine(from: 1) { line in
                let actor = try line.line.withBytes { (b) throws(LogLineError) in try LogLine.parse(b).actor }
                perWriter[actor, default: 0] += 1
            }
            #expect(perWriter == Dictionary(uniqueKeysWithValues: (0..<Self.writers).map { ("operator:w\($0)", Self.appendsEach) }))
        }

        @Test("two gateways draining one agency: each order claimed exactly once, and acked", arguments: StoreKind.allCases)
        func twoClaimersDrainOneAgency(kind: StoreKind) throws {
            let count = 40
            let scratch = try scratches.store(kind, orders: count)
            let gateways = try (0..<2).map { _ in try scratch.open() }
            let taken = Locked<[String: [String]]>([:])
            try onThreads(2) { g in
                let consumer = "gw\(g)"
                // At most one claim per order and one more that finds nothing: never an endless loop.
                for _ in 0...count {
                    let claimed = try gateways[g].claim(
                        agency: .fire, consumer: consumer, max: 3, leaseSeconds: 600, exercise: false, at: QueueConformanceTests.t0
                    )
                    if claimed.isEmpty { return }
                    for order in claimed {
                        _ = try gateways[g].ack(order.id, consumer: consumer, status: .enroute, at: QueueConformanceTests.t0)
                    }
                    taken.update { $0[consumer, default: []] += claimed.map(\.id) }
                }
            }
            let all = taken.value.values.flatMap { $0 }
            #expect(all.count == count, "no order claimed twice")
            #expect(Set(all) == Set((1...count).map(Order.id(number:))), "every order claimed")
            let orders = try scratch.store.orders()
            #expect(orders.allSatisfy { $0.state == .acked })
            #expect(orders.allSatisfy { order in taken.value[order.consumer ?? ""]?.contains(order.id) == true }, "each acked by its claimer")
            let logged = try kinds(scratch.store)
            #expect(logged.filter { $0 == "dispatch.claimed" }.count == count)
            #expect(logged.filter { $0 == "dispatch.acked" }.count == count)
            try expectWholeChain(scratch.store, count: logged.count)
        }

    }
}
