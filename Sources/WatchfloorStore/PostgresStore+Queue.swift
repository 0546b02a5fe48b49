import WatchfloorCore

/// The PostgreSQL store's claim (DESIGN §5): the claimable orders are picked and row-locked in
/// one statement (`FOR UPDATE SKIP LOCKED`), each moved by the pure transition and logged as
/// `dispatch.claimed` in the same transaction. Ack and fail are every store's
/// (`DispatchStore+Transitions`).
///
/// The claim also holds the write lock, as every writer does: each claim appends to the one
/// chain, so claims are serialised by it whatever the row locks allow. The row locks keep a
/// claim from ever taking or waiting for an order that anything else holds.
extension PostgresStore {
    public func claim(agency: Agency, consumer: String, max: Int, leaseSeconds: Double, exercise: Bool, at: Instant) throws -> [Order] {
        try writing { tx in
            var chain = try tx.chainHead()
            var claimed: [Order] = []
            var entries: [SealedEntry] = []
            for order in try PostgresOrderTable.claimable(agency: agency, exercise: exercise, at: at, max: max, tx.session) {
                let taken = try order.claimed(by: consumer, at: at, leaseSeconds: leaseSeconds)
                claimed.append(taken)
                entries.append(chain.seal(QueueEntries.entry(.claimed(taken), by: consumer, order: taken, at: at)))
            }
            return (entries, claimed)
        }
    }
}
