import WatchfloorCore

/// The SQLite store's claim: read the orders, run the pure transition and append its log
/// entries in one `BEGIN IMMEDIATE` transaction, with the order updates. Ack and fail are
/// every store's (`DispatchStore+Transitions`).
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
                entries.append(chain.seal(QueueEntries.entry(.claimed(taken), by: consumer, order: taken, at: at)))
            }
            return (entries, claimed)
        }
    }
}
