/// An order put on the queue: one per unit of an accepted `dispatch`. Its `exercise` is the
/// entry's (the incident's), its creation time the entry's `at`.
public struct DispatchQueued: Sendable, Equatable {
    public var order: String
    public var key: String
    public var incident: String
    public var unit: String
    public var agency: Agency
    public var note: String?
    /// What the unit is (`engine`, `ambulance`...), as the catalogue said when it was sent: an
    /// after-action report judges the kinds sent from the log alone. Nil in older logs.
    public var kind: String?

    public init(order: String, key: String, incident: String, unit: String, agency: Agency, note: String?, kind: String? = nil) {
        self.order = order
        self.key = key
        self.incident = incident
        self.unit = unit
        self.agency = agency
        self.note = note
        self.kind = kind
    }
}

/// A gateway took an order under a lease.
public struct DispatchClaim: Sendable, Equatable {
    public var order: String
    public var incident: String
    public var unit: String
    public var consumer: String
    public var leaseExpires: Instant

    public init(order: String, incident: String, unit: String, consumer: String, leaseExpires: Instant) {
        self.order = order
        self.incident = incident
        self.unit = unit
        self.consumer = consumer
        self.leaseExpires = leaseExpires
    }
}

/// The holder acknowledged an order, perhaps with the unit's new status.
public struct DispatchAck: Sendable, Equatable {
    public var order: String
    public var incident: String
    public var unit: String
    public var consumer: String
    /// `enroute` or `onscene` when the gateway said so.
    public var status: UnitStatus?

    public init(order: String, incident: String, unit: String, consumer: String, status: UnitStatus?) {
        self.order = order
        self.incident = incident
        self.unit = unit
        self.consumer = consumer
        self.status = status
    }
}

/// The holder failed an order: it is retried from `nextAttempt`, or it is dead.
public struct DispatchFailure: Sendable, Equatable {
    public var order: String
    public var incident: String
    public var unit: String
    public var consumer: String
    public var reason: String?
    public var attempts: Int
    /// `failed` (to be retried) or `dead`.
    public var state: OrderState
    public var nextAttempt: Instant?

    public init(order: String, incident: String, unit: String, consumer: String, reason: String?, attempts: Int,
                state: OrderState, nextAttempt: Instant?) {
        self.order = order
        self.incident = incident
        self.unit = unit
        self.consumer = consumer
        self.reason = reason
        self.attempts = attempts
        self.state = state
        self.nextAttempt = nextAttempt
    }
}

extension LogEvent {
    /// The entry that records `order` after a claim.
    public static func claimed(_ order: Order) -> LogEvent {
        .dispatchClaimed(DispatchClaim(order: order.id, incident: order.incident, unit: order.unit,
                                       consumer: order.consumer ?? "", leaseExpires: order.leaseExpires ?? order.created))
    }

    public static func acked(_ order: Order, by consumer: String, status: UnitStatus?) -> LogEvent {
        .dispatchAcked(DispatchAck(order: order.id, incident: order.incident, unit: order.unit, consumer: consumer, status: status))
    }

    public static func failed(_ order: Order, by consumer: String, reason: String?) -> LogEvent {
        .dispatchFailed(DispatchFailure(order: order.id, incident: order.incident, unit: order.unit, consumer: consumer,
                                        reason: reason, attempts: order.attempts, state: order.state, nextAttempt: order.nextAttempt))
    }
}

/// The `data` of the `dispatch.*` kinds, written and read back.
enum DispatchCoding {
    static func write(_ event: LogEvent, to w: inout JSONWriter) {
        switch event {
        case .dispatchQueued(let q):
            w.member("order", q.order)
            w.member("key", q.key)
            w.member("incident", q.incident)
            w.member("unit", q.unit)
            w.member("agency", q.agency.rawValue)
            w.member("note", q.note)
            w.member("kind", q.kind)
        case .dispatchClaimed(let c):
            w.member("order", c.order)
            w.member("incident", c.incident)
            w.member("unit", c.unit)
            w.member("consumer", c.consumer)
            w.member("lease", c.leaseExpires.rfc3339)
        case .dispatchAcked(let a):
            w.member("order", a.order)
            w.member("incident", a.incident)
            w.member("unit", a.unit)
            w.member("consumer", a.consumer)
            w.member("status", a.status?.rawValue)
        case .dispatchFailed(let f):
            w.member("order", f.order)
            w.member("incident", f.incident)
            w.member("unit", f.unit)
            w.member("consumer", f.consumer)
            w.member("reason", f.reason)
            w.member("attempts", f.attempts)
            w.member("state", f.state.rawValue)
            w.member("next", f.nextAttempt?.rfc3339)
        default:
            break
        }
    }

    static func read(_ kind: LogKind, _ d: JSONValue) throws(LogLineError) -> LogEvent {
        func string(_ name: String) throws(LogLineError) -> String {
            guard let s = d[name]?.stringValue else { throw LogLineError("\(kind.rawValue) entry lacks `\(name)`") }
            return s
        }
        func time(_ name: String) throws(LogLineError) -> Instant {
            guard let t = Instant(rfc3339: try string(name)) else { throw LogLineError("\(kind.rawValue) entry: `\(name)` is not an RFC 3339 time") }
            return t
        }
        let order = try string("order"), incident = try string("incident"), unit = try string("unit")
        switch kind {
        case .dispatchQueued:
            guard let agency = Agency(rawValue: try string("agency")) else { throw LogLineError("dispatch.queued entry has an unknown agency") }
            return .dispatchQueued(DispatchQueued(order: order, key: try string("key"), incident: incident, unit: unit,
                                                  agency: agency, note: d["note"]?.stringValue, kind: d["kind"]?.stringValue))
        case .dispatchClaimed:
            return .dispatchClaimed(DispatchClaim(order: order, incident: incident, unit: unit, consumer: try string("consumer"),
                                                  leaseExpires: try time("lease")))
        case .dispatchAcked:
            var status: UnitStatus?
            if let word = d["status"]?.stringValue {
                guard let s = UnitStatus(rawValue: word) else { throw LogLineError("dispatch.acked entry has an unknown status") }
                status = s
            }
            return .dispatchAcked(DispatchAck(order: order, incident: incident, unit: unit, consumer: try string("consumer"), status: status))
        default:
            guard let state = OrderState(rawValue: try string("state")), state == .failed || state == .dead else {
                throw LogLineError("dispatch.failed entry's `state` must be failed or dead")
            }
            return .dispatchFailed(DispatchFailure(
                order: order, incident: incident, unit: unit, consumer: try string("consumer"), reason: d["reason"]?.stringValue,
                attempts: d["attempts"]?.intValue ?? 0, state: state,
                nextAttempt: d["next"]?.stringValue.flatMap { Instant(rfc3339: $0) }
            ))
        }
    }
}
