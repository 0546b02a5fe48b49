import WatchfloorCore

/// The gateways' operations on the queue: each reads the orders, runs the pure transition and
/// appends its log entry (actor `consumer:<id>`) in one write transaction, with the order
/// update. A refused transition throws `OrderRefusal` and writes nothing; a store failure
/// throws `StoreError`.
extension SQLiteStore {
    /// Claims up to `max` claimable orders of `agency`, oldest first. Training orders go only
    /// to a consumer that asks for them (`exercise`), live orders only to one that does not.
    public func claim(agency: Agency, consumer: String, max: Int, leaseSeconds: Double, exercise: Bool, at: Instant) throws -> [Order] {
        try transact { tx in
            var chain = try tx.chainHead()
            var claimed: [Order] = []
            var entries: [SealedEntry] = []
            for order in try tx.orders(agency: agency, states: [.queued, .claimed, .failed], exercise: exercise)
            where order.isClaimable(at: at) {
                guard claimed.count < max else { break }
                let taken = try order.claimed(by: consumer, at: at, leaseSeconds: leaseSeconds)
                claimed.append(taken)
                entries.append(chain.seal(Self.entry(.claimed(taken), by: consumer, order: taken, at: at)))
            }
            return (entries, claimed)
        }
    }

    /// The holder acknowledges order `id`, perhaps with its unit's new status.
    public func ack(_ id: String, consumer: String, status: UnitStatus?, at: Instant) throws -> Order {
        try transact { tx in
            let done = try Self.held(id, tx).acked(by: consumer, at: at)
            var chain = try tx.chainHead()
            return ([chain.seal(Self.entry(.acked(done, by: consumer, status: status), by: consumer, order: done, at: at))], done)
        }
    }

    /// The holder fails order `id`: offered again after the policy's backoff, or dead.
    public func fail(_ id: String, consumer: String, reason: String?, at: Instant, policy: QueuePolicy = QueuePolicy()) throws -> Order {
        try transact { tx in
            let done = try Self.held(id, tx).failed(by: consumer, at: at, policy: policy)
            var chain = try tx.chainHead()
            return ([chain.seal(Self.entry(.failed(done, by: consumer, reason: reason), by: consumer, order: done, at: at))], done)
        }
    }

    private static func entry(_ event: LogEvent, by consumer: String, order: Order, at: Instant) -> LogEntry {
        LogEntry(at: at, actor: "consumer:" + consumer, exercise: order.exercise, event: event)
    }

    private static func held(_ id: String, _ tx: StoreTransaction) throws -> Order {
        guard let order = try tx.order(id) else { throw OrderRefusal("no order \(id); `watchfloor queue list` shows the orders") }
        return order
    }
}
