import Foundation
import WatchfloorCore
import WatchfloorStore

/// `watchfloor queue`: the agencies' side of the dispatch queue. Every transition is decided
/// and logged (actor `consumer:<id>`) inside one write transaction with its order update, so
/// racing gateways each see what the other committed. Exit status: 0 done; 1 the transition
/// was refused (the message says why); 2 the store could not be read or written.
public enum QueueCommand {
    static let refusedStatus: Int32 = 1
    static let failureStatus: Int32 = 2

    public static func list(storePath: String, agency: Agency?, exercise: Bool?, json: Bool) throws(AppError) {
        let store = try open(storePath)
        let orders: [Order]
        do { orders = try store.orders(agency: agency, exercise: exercise) } catch {
            throw AppError(error.message, exitCode: failureStatus)
        }
        print(orders, json: json, now: now())
    }

    /// Claims up to `max` orders of `agency` for `consumer`: training orders only when the
    /// consumer asks for them with `exercise`, live orders only when it does not.
    public static func claim(
        storePath: String, agency: Agency, consumer: String, max: Int, leaseSeconds: Double, exercise: Bool, json: Bool
    ) throws(AppError) {
        let store = try open(storePath)
        let at = now()
        let claimed = try decide(store) {
            try store.claim(agency: agency, consumer: consumer, max: max, leaseSeconds: leaseSeconds, exercise: exercise, at: at)
        }
        print(claimed, json: json, now: at)
    }

    /// The holder acknowledges an order, perhaps with the unit's status (en route, on scene).
    public static func ack(storePath: String, consumer: String, order id: String, status: UnitStatus?) throws(AppError) {
        let store = try open(storePath)
        let acked = try decide(store) { try store.ack(id, consumer: consumer, status: status, at: now()) }
        Swift.print("acked \(acked.id): \(acked.unit) → \(acked.incident)" + (status.map { " (\($0.rawValue))" } ?? ""))
    }

    /// The holder fails an order: it is offered again after a backoff, or is dead after the
    /// last attempt (its unit is then free on the board).
    public static func fail(storePath: String, consumer: String, order id: String, reason: String?) throws(AppError) {
        let store = try open(storePath)
        let failed = try decide(store) { try store.fail(id, consumer: consumer, reason: reason, at: now()) }
        if failed.state == .dead {
            Swift.print("failed \(failed.id): attempt \(failed.attempts), the last; the order is dead and \(failed.unit) is free")
        } else {
            Swift.print("failed \(failed.id): attempt \(failed.attempts); offered again from \(failed.nextAttempt?.rfc3339 ?? "?")")
        }
    }

    // MARK: - Plumbing

    private static func now() -> Instant { WallTime.now() }

    private static func open(_ location: String) throws(AppError) -> any DispatchStore {
        try StoreOpener.existing(location, hint: "pass the board's --store PATH or postgres:// URL", exitCode: failureStatus)
    }

    /// Runs one of the store's queue operations: a refusal exits 1, a store failure 2.
    private static func decide<T>(_ store: any DispatchStore, _ body: () throws -> T) throws(AppError) -> T {
        do {
            return try body()
        } catch let refusal as OrderRefusal {
            throw AppError(refusal.message, exitCode: refusedStatus)
        } catch let error as StoreError {
            throw AppError(error.message, exitCode: failureStatus)
        } catch {
            throw AppError("could not write to the store \(store.location): \(error)", exitCode: failureStatus)
        }
    }

    private static func print(_ orders: [Order], json: Bool, now: Instant) {
        let output = LogOutput()
        if json {
            output.write(line: OrderJSON.bytes(orders, now: now))
        } else {
            for o in orders { output.write(line: Array(OrderJSON.text(o, now: now).utf8)) }
        }
        output.flush()
    }
}
