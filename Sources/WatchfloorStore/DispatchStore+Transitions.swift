import WatchfloorCore

/// The holder's side of the queue, the same on every store: each reads the order, runs the
/// pure transition and appends its log entry (actor `consumer:<id>`) in one write
/// transaction, with the order update. A refused transition throws `OrderRefusal` and writes
/// nothing; a store failure throws `StoreError`.
extension DispatchStore {
    /// The holder acknowledges order `id`, perhaps with its unit's new status.
    public func ack(_ id: String, consumer: String, status: UnitStatus?, at: Instant) throws -> Order {
        try transact { tx in
            let done = try QueueEntries.held(id, tx).acked(by: consumer, at: at)
            var chain = try tx.chainHead()
            return ([chain.seal(QueueEntries.entry(.acked(done, by: consumer, status: status), by: consumer, order: done, at: at))], done)
        }
    }

    /// The holder fails order `id`: offered again after the policy's backoff, or dead.
    public func fail(_ id: String, consumer: String, reason: String?, at: Instant, policy: QueuePolicy = QueuePolicy()) throws -> Order {
        try transact { tx in
            let done = try QueueEntries.held(id, tx).failed(by: consumer, at: at, policy: policy)
            var chain = try tx.chainHead()
            return ([chain.seal(QueueEntries.entry(.failed(done, by: consumer, reason: reason), by: consumer, order: done, at: at))], done)
        }
    }
}

/// The log entries of the gateways' transitions, shared by every store's claim, ack and fail.
enum QueueEntries {
    static func entry(_ event: LogEvent, by consumer: String, order: Order, at: Instant) -> LogEntry {
        LogEntry(at: at, actor: "consumer:" + consumer, exercise: order.exercise, event: event)
    }

    static func held(_ id: String, _ tx: any StoreTransaction) throws -> Order {
        guard let order = try tx.order(id) else { throw OrderRefusal("no order \(id); `watchfloor queue list` shows the orders") }
        return order
    }
}
