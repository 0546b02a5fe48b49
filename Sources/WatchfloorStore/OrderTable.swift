import GRDB
import WatchfloorCore

/// Reads and writes `dispatch_order`. Writes come only from log entries, inside the
/// transaction that appends them, so the table always says what the log says.
enum OrderTable {
    /// Applies the order effects of `entries` (queued inserts; claimed, acked, failed update).
    static func apply(_ entries: [SealedEntry], in db: Database) throws {
        for e in entries {
            switch e.entry.event {
            case .dispatchQueued(let q):
                do {
                    try db.execute(sql: """
                        INSERT INTO dispatch_order (id, idempotency_key, incident, unit, agency, state, exercise, created, note, queued_seq, updated_seq)
                        VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)
                        """, arguments: [q.order, q.key, q.incident, q.unit, q.agency.rawValue, e.entry.exercise,
                                         e.entry.at.rfc3339, q.note, e.seq, e.seq])
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    && (error.message ?? "").contains("idempotency_key") {
                    // Two writers decided on the same board: the first one's order stands.
                    throw StoreError("idempotency key \(q.key) already made an order, so \(q.order) was not queued again; `watchfloor queue list` shows the order that stands")
                }
            case .dispatchClaimed(let c):
                try update(c.order, seq: e.seq, in: db, sql: """
                    state = 'claimed', consumer = ?, lease_expires = ?, next_attempt = NULL
                    """, [c.consumer, c.leaseExpires.rfc3339])
            case .dispatchAcked(let a):
                try update(a.order, seq: e.seq, in: db, sql: "state = 'acked', lease_expires = NULL", [])
            case .dispatchFailed(let f):
                try update(f.order, seq: e.seq, in: db, sql: """
                    state = ?, attempts = ?, next_attempt = ?, lease_expires = NULL
                    """, [f.state.rawValue, f.attempts, f.nextAttempt?.rfc3339])
            default:
                continue
            }
        }
    }

    private static func update(_ id: String, seq: Int64, in db: Database, sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws {
        try db.execute(sql: "UPDATE dispatch_order SET \(sql), updated_seq = ? WHERE id = ?",
                       arguments: StatementArguments(arguments + [seq, id]))
        if db.changesCount != 1 {
            throw StoreError("the log moves order \(id), which the store does not hold — run `watchfloor log verify --store` to check the store")
        }
    }

    /// Orders in creation order, narrowed by `filter` (and to one id).
    static func fetch(_ db: Database, _ filter: OrderFilter, id: String? = nil) throws -> [Order] {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let agency = filter.agency {
            clauses.append("agency = ?")
            arguments.append(agency.rawValue)
        }
        if let states = filter.states {
            clauses.append("state IN (" + states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")")
        }
        if let exercise = filter.exercise {
            clauses.append("exercise = ?")
            arguments.append(exercise)
        }
        if let id {
            clauses.append("id = ?")
            arguments.append(id)
        }
        let filter = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, idempotency_key, incident, unit, agency, state, consumer, lease_expires, attempts, next_attempt,
                   exercise, created, note
            FROM dispatch_order\(filter) ORDER BY queued_seq
            """, arguments: StatementArguments(arguments))
        return try rows.map(order)
    }

    private static func order(_ row: Row) throws -> Order {
        let id: String = row[0]
        func time(_ text: String?) throws -> Instant? {
            guard let text else { return nil }
            guard let t = Instant(rfc3339: text) else { throw StoreError("order \(id) has an unreadable time \"\(text)\"") }
            return t
        }
        guard let agency = Agency(rawValue: row[4]), let state = OrderState(rawValue: row[5]),
              let created = try time(row[11])
        else { throw StoreError("order \(id) cannot be read back") }
        return Order(
            id: id, key: row[1], incident: row[2], unit: row[3], agency: agency, state: state, consumer: row[6],
            leaseExpires: try time(row[7]), attempts: row[8], nextAttempt: try time(row[9]), exercise: row[10],
            created: created, note: row[12]
        )
    }
}
