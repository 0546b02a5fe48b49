import PostgresNIO
import WatchfloorCore

/// Reads and writes `dispatch_order` on PostgreSQL, as `OrderTable` does on SQLite: writes come
/// only from log entries, inside the transaction that appends them (the transactional outbox).
enum PostgresOrderTable {
    /// Applies the order effects of `entries` (queued inserts; claimed, acked, failed update).
    static func apply(_ entries: [SealedEntry], _ session: PostgresSession) throws(StoreError) {
        for e in entries {
            switch e.entry.event {
            case .dispatchQueued(let q):
                try session.query("""
                    INSERT INTO dispatch_order (id, idempotency_key, incident, unit, agency, state, exercise, created, note, queued_seq, updated_seq)
                    VALUES (\(q.order), \(q.key), \(q.incident), \(q.unit), \(q.agency.rawValue), 'queued', \(e.entry.exercise),
                            to_timestamp(\(e.entry.at.milliseconds) / 1000.0), \(q.note), \(e.seq), \(e.seq))
                    """, .write) { failure in
                    guard failure.sqlState == "23505", failure.constraint == "dispatch_order_idempotency_key" else { return nil }
                    // Two writers decided on the same board: the first one's order stands.
                    return StoreError("idempotency key \(q.key) already made an order, so \(q.order) was not queued again; `watchfloor queue list` shows the order that stands")
                }
            case .dispatchClaimed(let c):
                try update(c.order, session, """
                    UPDATE dispatch_order SET state = 'claimed', consumer = \(c.consumer),
                           lease_expires = to_timestamp(\(c.leaseExpires.milliseconds) / 1000.0), next_attempt = NULL, updated_seq = \(e.seq)
                    WHERE id = \(c.order)
                    """)
            case .dispatchAcked(let a):
                try update(a.order, session, """
                    UPDATE dispatch_order SET state = 'acked', lease_expires = NULL, updated_seq = \(e.seq) WHERE id = \(a.order)
                    """)
            case .dispatchFailed(let f):
                try update(f.order, session, """
                    UPDATE dispatch_order SET state = \(f.state.rawValue), attempts = \(f.attempts),
                           next_attempt = to_timestamp(\(f.nextAttempt?.milliseconds)::int8 / 1000.0), lease_expires = NULL, updated_seq = \(e.seq)
                    WHERE id = \(f.order)
                    """)
            default:
                continue
            }
        }
    }

    private static func update(_ id: String, _ session: PostgresSession, _ query: PostgresQuery) throws(StoreError) {
        guard try session.execute(query, .write) == 1 else {
            throw StoreError("the log moves order \(id), which the store does not hold — run `watchfloor log verify --store` to check the store")
        }
    }

    /// Orders in creation order, narrowed by `filter` (and to one id). A filter left nil is
    /// dropped by the planner: the driver's unnamed statements are planned with their values.
    static func fetch(_ filter: OrderFilter, id: String? = nil, _ session: PostgresSession, _ access: PostgresFailure.Access) throws(StoreError) -> [Order] {
        let rows = try session.query("""
            SELECT \(unescaped: columns) FROM dispatch_order
            WHERE (\(filter.agency?.rawValue)::text IS NULL OR agency = \(filter.agency?.rawValue))
              AND (\(filter.states.map(stateNames))::text[] IS NULL OR state = ANY(\(filter.states.map(stateNames))))
              AND (\(filter.exercise)::bool IS NULL OR exercise = \(filter.exercise))
              AND (\(id)::text IS NULL OR id = \(id))
            ORDER BY queued_seq
            """, access)
        return try rows.map { row throws(StoreError) in try order(row, session.url) }
    }

    /// Up to `max` orders of `agency` that a claim at `at` may take, oldest first, locked for
    /// this transaction: the rule of `Order.isClaimable(at:)` in SQL (queued; claimed with a
    /// lapsed lease; failed and due again). `SKIP LOCKED` passes over any order another
    /// transaction holds, rather than waiting for it.
    static func claimable(agency: Agency, exercise: Bool, at: Instant, max: Int, _ session: PostgresSession) throws(StoreError) -> [Order] {
        let rows = try session.query("""
            WITH claimable AS (
                SELECT id FROM dispatch_order
                WHERE agency = \(agency.rawValue) AND exercise = \(exercise)
                  AND (state = 'queued'
                       OR (state = 'claimed' AND lease_expires <= to_timestamp(\(at.milliseconds) / 1000.0))
                       OR (state = 'failed' AND (next_attempt IS NULL OR next_attempt <= to_timestamp(\(at.milliseconds) / 1000.0))))
                ORDER BY queued_seq
                LIMIT \(Swift.max(0, max))
                FOR UPDATE SKIP LOCKED
            )
            SELECT \(unescaped: columns) FROM dispatch_order JOIN claimable USING (id) ORDER BY queued_seq
            """, .write)
        return try rows.map { row throws(StoreError) in try order(row, session.url) }
    }

    private static let columns = """
        id, idempotency_key, incident, unit, agency, state, consumer, \(PostgresTime.milliseconds("lease_expires")), attempts,
        \(PostgresTime.milliseconds("next_attempt")), exercise, \(PostgresTime.milliseconds("created")), note
        """

    private static func stateNames(_ states: Set<OrderState>) -> [String] { states.map(\.rawValue).sorted() }

    private static func order(_ row: PostgresRow, _ url: PostgresURL) throws(StoreError) -> Order {
        let (id, key, incident, unit, agencyName, stateName, consumer, lease, attempts, nextAttempt, exercise, created, note) =
            try PostgresLogTable.decode(
                row, as: (String, String, String, String, String, String, String?, Int64?, Int, Int64?, Bool, Int64, String?).self, url
            )
        guard let agency = Agency(rawValue: agencyName), let state = OrderState(rawValue: stateName) else {
            throw StoreError("order \(id) cannot be read back")
        }
        return Order(
            id: id, key: key, incident: incident, unit: unit, agency: agency, state: state, consumer: consumer,
            leaseExpires: lease.map(Instant.init(milliseconds:)), attempts: attempts, nextAttempt: nextAttempt.map(Instant.init(milliseconds:)),
            exercise: exercise, created: Instant(milliseconds: created), note: note
        )
    }
}
