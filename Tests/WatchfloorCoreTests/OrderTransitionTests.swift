import Testing
@testable import WatchfloorCore

/// The dispatch queue's state machine, as pure functions: claim, ack and fail, what each
/// refuses, leases that lapse and failures that back off until the order is dead.
@Suite("Dispatch order state machine")
struct OrderTransitionTests {
    static let t0 = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!
    static func at(_ seconds: Double) -> Instant { t0.adding(seconds: seconds) }

    static func order(_ state: OrderState, consumer: String? = nil, lease: Double? = nil, attempts: Int = 0, next: Double? = nil) -> Order {
        Order(id: "ORD-0001", key: "SD-0001/FIRE-3701-01/1", incident: "SD-0001", unit: "FIRE-3701-01", agency: .fire,
              state: state, consumer: consumer, leaseExpires: lease.map(at), attempts: attempts, nextAttempt: next.map(at),
              exercise: false, created: t0)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var order: Order
        var at: Double
        var by = "gw1"
        /// The refusal's message contains this; nil when the transition is accepted.
        var refused: String?
        var testDescription: String { name }
    }

    @Test("claim takes queued orders, lapsed claims and failed orders whose wait is over", arguments: [
        Case(name: "queued", order: order(.queued), at: 0),
        Case(name: "claimed, lease running", order: order(.claimed, consumer: "gw0", lease: 60), at: 59.999,
             refused: "order ORD-0001 is claimed by gw0 until 2026-07-15T18:01:00"),
        Case(name: "claimed, lease lapsed", order: order(.claimed, consumer: "gw0", lease: 60), at: 60),
        Case(name: "failed, waiting", order: order(.failed, consumer: "gw0", attempts: 1, next: 30), at: 29,
             refused: "order ORD-0001 failed; it may be claimed again from 2026-07-15T18:00:30"),
        Case(name: "failed, wait over", order: order(.failed, consumer: "gw0", attempts: 1, next: 30), at: 30),
        Case(name: "acked", order: order(.acked, consumer: "gw0"), at: 0, refused: "order ORD-0001 is acked; only queued or failed orders can be claimed"),
        Case(name: "dead", order: order(.dead, consumer: "gw0", attempts: 5), at: 0, refused: "order ORD-0001 is dead"),
    ])
    func claim(_ c: Case) throws {
        #expect(c.order.isClaimable(at: Self.at(c.at)) == (c.refused == nil))
        do {
            let claimed = try c.order.claimed(by: c.by, at: Self.at(c.at), leaseSeconds: 45)
            #expect(c.refused == nil, "claimed, but should be refused")
            #expect(claimed.state == .claimed)
            #expect(claimed.consumer == c.by)
            #expect(claimed.leaseExpires == Self.at(c.at + 45))
            #expect(claimed.attempts == c.order.attempts, "a claim is not a failure")
            #expect(claimed.nextAttempt == nil)
        } catch {
            let expected = try #require(c.refused, "refused: \(error.message)")
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test("only the claim's holder acknowledges, while the order is still theirs", arguments: [
        Case(name: "holder", order: order(.claimed, consumer: "gw1", lease: 60), at: 10),
        Case(name: "holder after the lease lapsed, nobody else claimed", order: order(.claimed, consumer: "gw1", lease: 60), at: 100),
        Case(name: "another consumer", order: order(.claimed, consumer: "gw1", lease: 60), at: 10, by: "gw2",
             refused: "cannot acknowledge order ORD-0001: it is claimed by gw1, not gw2"),
        Case(name: "queued", order: order(.queued), at: 0, refused: "cannot acknowledge order ORD-0001: it is queued, not claimed; claim it first"),
        Case(name: "already acked", order: order(.acked, consumer: "gw1"), at: 0, refused: "it is acked, not claimed"),
        Case(name: "failed", order: order(.failed, consumer: "gw1", attempts: 1, next: 30), at: 40, refused: "it is failed, not claimed"),
    ])
    func ack(_ c: Case) throws {
        do {
            let acked = try c.order.acked(by: c.by, at: Self.at(c.at))
            #expect(c.refused == nil, "acked, but should be refused")
            #expect(acked.state == .acked)
            #expect(acked.consumer == c.by)
        } catch {
            let expected = try #require(c.refused, "refused: \(error.message)")
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test("a failure waits 30 s × 2^(n-1), capped, and the fifth makes the order dead")
    func failuresBackOffThenDie() throws {
        var order = Self.order(.queued)
        var now = 0.0
        let waits: [Double] = [30, 60, 120, 240]
        for (n, wait) in waits.enumerated() {
            order = try order.claimed(by: "gw1", at: Self.at(now), leaseSeconds: 60)
            order = try order.failed(by: "gw1", at: Self.at(now + 5))
            #expect(order.state == .failed)
            #expect(order.attempts == n + 1)
            #expect(order.nextAttempt == Self.at(now + 5 + wait))
            #expect(!order.isClaimable(at: Self.at(now + 5 + wait - 0.001)))
            now += 5 + wait
        }
        order = try order.claimed(by: "gw2", at: Self.at(now), leaseSeconds: 60)
        order = try order.failed(by: "gw2", at: Self.at(now + 1))
        #expect(order.state == .dead)
        #expect(order.attempts == 5)
        #expect(order.nextAttempt == nil)
        #expect(!order.isClaimable(at: Self.at(now + 86_400)))
    }

    @Test("backoff doubles from 30 s and stops at the cap", arguments: [(1, 30.0), (2, 60), (3, 120), (4, 240), (5, 480), (6, 600), (40, 600)])
    func backoff(attempt: Int, seconds: Double) {
        #expect(QueuePolicy().backoff(afterAttempt: attempt) == seconds)
    }

    @Test("only the holder fails an order")
    func failFencing() {
        let order = Self.order(.claimed, consumer: "gw1", lease: 60)
        #expect(throws: OrderRefusal("cannot fail order ORD-0001: it is claimed by gw1, not gw2")) {
            try order.failed(by: "gw2", at: Self.at(1))
        }
        #expect(throws: OrderRefusal("cannot fail order ORD-0001: it is queued, not claimed; claim it first")) {
            try Self.order(.queued).failed(by: "gw1", at: Self.at(1))
        }
    }

    @Test("order ids are read however a gateway operator writes them", arguments: [
        ("ORD-0042", "ORD-0042"), ("ord-42", "ORD-0042"), ("42", "ORD-0042"), ("ORD-12345", "ORD-12345"), ("x1", "X1"), ("0", "0"),
    ])
    func orderIDs(text: String, id: String) {
        #expect(Order.id(parsing: text) == id)
    }

    @Test("a lapsed claim reads as queued, and a new claim fences the old holder off")
    func leaseExpiry() throws {
        let held = Self.order(.claimed, consumer: "gw1", lease: 60)
        #expect(held.state(at: Self.at(59)) == .claimed)
        #expect(held.state(at: Self.at(60)) == .queued)
        let taken = try held.claimed(by: "gw2", at: Self.at(61), leaseSeconds: 60)
        #expect(throws: OrderRefusal("cannot acknowledge order ORD-0001: it is claimed by gw2, not gw1")) {
            try taken.acked(by: "gw1", at: Self.at(62))
        }
    }
}
