/// How long to wait before reconnecting a feed: exponential from `initial` seconds to
/// `maximum`, each delay multiplied by a random factor in [1 - jitter, 1 + jitter] so that
/// consoles cut off together do not all call the agency back at the same instant. The count
/// starts again after a connection that delivered a line.
public struct Backoff: Sendable, Equatable {
    public var initial: Double
    public var maximum: Double
    public var jitter: Double

    public init(initial: Double = 0.5, maximum: Double = 30, jitter: Double = 0.2) {
        self.initial = max(0, initial)
        self.maximum = max(self.initial, maximum)
        self.jitter = min(max(0, jitter), 1)
    }

    /// The delay before retry `attempt` (0 for the first retry after a failure).
    public func delay(attempt: Int, random: inout some RandomNumberGenerator) -> Double {
        // 2^60 is past any maximum; capping the exponent keeps the arithmetic finite.
        let base = min(maximum, initial * Double(1 << min(max(attempt, 0), 60)))
        guard jitter > 0 else { return base }
        return base * Double.random(in: (1 - jitter)...(1 + jitter), using: &random)
    }
}
