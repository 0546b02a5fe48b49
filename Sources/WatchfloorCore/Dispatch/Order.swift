/// Where a dispatch order is in its life (DESIGN §5): queued for the agency, claimed by one
/// of its gateways under a lease, acknowledged, failed and waiting to be retried, or dead
/// after too many failures.
public enum OrderState: String, Sendable, CaseIterable, Hashable {
    case queued, claimed, acked, failed, dead

    /// An order still waiting on an agency: not yet acknowledged and not given up.
    public var isOpen: Bool { self == .queued || self == .claimed || self == .failed }
}

/// One dispatch order: one unit sent to one incident, on its way to the unit's agency.
public struct Order: Sendable, Equatable {
    /// `ORD-0001`: numbered in the order the log queued them.
    public var id: String
    /// Unique per order for ever; a retried submission with the same key makes no second order.
    public var key: String
    public var incident: String
    public var unit: String
    public var agency: Agency
    public var state: OrderState
    /// The gateway that holds (or last held) the claim.
    public var consumer: String?
    /// When the current claim lapses; meaningful while `claimed`.
    public var leaseExpires: Instant?
    /// Failed attempts so far.
    public var attempts: Int
    /// When a failed order may be claimed again.
    public var nextAttempt: Instant?
    /// Training orders never reach a live consumer (DESIGN §5).
    public var exercise: Bool
    public var created: Instant
    public var note: String?

    public init(
        id: String, key: String, incident: String, unit: String, agency: Agency, state: OrderState = .queued,
        consumer: String? = nil, leaseExpires: Instant? = nil, attempts: Int = 0, nextAttempt: Instant? = nil,
        exercise: Bool, created: Instant, note: String? = nil
    ) {
        self.id = id
        self.key = key
        self.incident = incident
        self.unit = unit
        self.agency = agency
        self.state = state
        self.consumer = consumer
        self.leaseExpires = leaseExpires
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.exercise = exercise
        self.created = created
        self.note = note
    }

    /// `ORD-0042` for the 42nd order.
    public static func id(number: Int) -> String {
        let digits = String(number)
        return "ORD-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `ORD-0042`, `ord-42` or `42` as the order's id; the text upper-cased when it is none of
    /// those, so that "no order" names what was typed.
    public static func id(parsing text: String) -> String {
        let upper = text.uppercased()
        let digits = upper.hasPrefix("ORD-") ? upper.dropFirst(4) : Substring(upper)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n >= 1 else {
            return upper
        }
        return id(number: n)
    }

    public static func number(of id: String) -> Int? {
        guard id.hasPrefix("ORD-") else { return nil }
        return Int(id.dropFirst(4))
    }
}
