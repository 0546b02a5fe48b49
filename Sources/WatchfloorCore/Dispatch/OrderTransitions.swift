/// The numbers of the queue's state machine: how long a claim lasts, how long a failed order
/// waits before it is offered again, and how many failures make it dead.
public struct QueuePolicy: Sendable, Equatable {
    public var leaseSeconds: Double
    public var maxAttempts: Int
    /// The wait after the first failure; it doubles with each further failure.
    public var backoffSeconds: Double
    public var maxBackoffSeconds: Double

    public init(leaseSeconds: Double = 60, maxAttempts: Int = 5, backoffSeconds: Double = 30, maxBackoffSeconds: Double = 600) {
        self.leaseSeconds = leaseSeconds
        self.maxAttempts = maxAttempts
        self.backoffSeconds = backoffSeconds
        self.maxBackoffSeconds = maxBackoffSeconds
    }

    /// 30 s × 2^(n-1) after the n-th failure, at most `maxBackoffSeconds`.
    public func backoff(afterAttempt n: Int) -> Double {
        let doublings = Double(max(0, min(n - 1, 30)))
        return min(maxBackoffSeconds, backoffSeconds * pow2(doublings))
    }

    private func pow2(_ x: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(x) { r *= 2 }
        return r
    }
}

/// Why a gateway's transition was refused, in words its operator can act on.
public struct OrderRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The queue's state machine as pure functions: each returns the order as it becomes, or
/// the refusal. The store runs them inside its write transaction, so what they read is what
/// they change.
///
/// An expired lease is not an event: a claimed order whose lease has lapsed simply counts as
/// queued (`state(at:)`) and may be claimed by anyone. Its holder may still ack or fail it as
/// long as nobody has claimed it since — the order is still theirs, and their word about the
/// unit is true; once another gateway claims it, the old holder is fenced off.
extension Order {
    /// The state as a gateway sees it at `now`: a lapsed claim is queued again.
    public func state(at now: Instant) -> OrderState {
        if state == .claimed, let lease = leaseExpires, now >= lease { return .queued }
        return state
    }

    /// Whether a claim at `now` would be accepted.
    public func isClaimable(at now: Instant) -> Bool {
        switch state(at: now) {
        case .queued: true
        case .failed: nextAttempt.map { now >= $0 } ?? true
        case .claimed, .acked, .dead: false
        }
    }

    /// `consumer` takes the order until `now + leaseSeconds`.
    public func claimed(by consumer: String, at now: Instant, leaseSeconds: Double) throws(OrderRefusal) -> Order {
        guard isClaimable(at: now) else {
            switch state(at: now) {
            case .claimed:
                throw OrderRefusal("order \(id) is claimed by \(self.consumer ?? "another consumer") until \(leaseExpires?.rfc3339 ?? "?")")
            case .failed:
                throw OrderRefusal("order \(id) failed; it may be claimed again from \(nextAttempt?.rfc3339 ?? "?")")
            default:
                throw OrderRefusal("order \(id) is \(state.rawValue); only queued or failed orders can be claimed")
            }
        }
        var order = self
        order.state = .claimed
        order.consumer = consumer
        order.leaseExpires = now.adding(seconds: leaseSeconds)
        order.nextAttempt = nil
        return order
    }

    /// The holder says the agency has taken the order on.
    public func acked(by consumer: String, at now: Instant) throws(OrderRefusal) -> Order {
        try checkHolder(consumer, doing: "acknowledge")
        var order = self
        order.state = .acked
        order.leaseExpires = nil
        return order
    }

    /// The holder says the agency could not carry it out: retried after a backoff, or dead
    /// once `maxAttempts` failures are reached.
    public func failed(by consumer: String, at now: Instant, policy: QueuePolicy = QueuePolicy()) throws(OrderRefusal) -> Order {
        try checkHolder(consumer, doing: "fail")
        var order = self
        order.attempts += 1
        order.leaseExpires = nil
        if order.attempts >= policy.maxAttempts {
            order.state = .dead
            order.nextAttempt = nil
        } else {
            order.state = .failed
            order.nextAttempt = now.adding(seconds: policy.backoff(afterAttempt: order.attempts))
        }
        return order
    }

    /// Only the claim's holder may finish it, and only while it is claimed.
    private func checkHolder(_ consumer: String, doing verb: String) throws(OrderRefusal) {
        guard state == .claimed else {
            throw OrderRefusal("cannot \(verb) order \(id): it is \(state.rawValue), not claimed; claim it first")
        }
        guard self.consumer == consumer else {
            throw OrderRefusal("cannot \(verb) order \(id): it is claimed by \(self.consumer ?? "nobody"), not \(consumer)")
        }
    }
}
