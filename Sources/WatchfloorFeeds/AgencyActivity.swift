import WatchfloorCore

/// What each of the six agencies' feeds has done lately, for the feeds pane: messages
/// accepted and refused, the last one's time, and the recent rate on the feed's own clock. A feed silent for longer than `staleAfter` seconds is stale.
public struct AgencyActivity: Sendable {
    public struct Record: Sendable, Equatable {
        public var accepted = 0
        public var rejected = 0
        public var lastMessage: Instant?
        /// Arrival times (scenario or wall clock) within the last minute.
        var recent: [Instant] = []
    }

    public enum State: Sendable, Equatable { case waiting, up, stale, down }

    public private(set) var records: [Agency: Record] = [:]
    public let staleAfter: Double
    /// The recording has ended: feeds that played are now down, not stale.
    public var ended = false

    /// Half an hour: recordings carry no heartbeats, and a quiet agency is not a broken one.
    public init(staleAfter: Double = 1800) {
        self.staleAfter = staleAfter
    }

    public mutating func accepted(_ agency: Agency, at time: Instant) {
        var r = records[agency] ?? Record()
        r.accepted += 1
        r.lastMessage = max(time, r.lastMessage ?? time)
        r.recent.append(time)
        if r.recent.count > 4096 { r.recent.removeFirst(r.recent.count - 4096) }
        records[agency] = r
    }

    public mutating func rejected(_ agency: Agency) {
        records[agency, default: Record()].rejected += 1
    }

    public func state(_ agency: Agency, now: Instant?) -> State {
        guard let last = records[agency]?.lastMessage else { return ended ? .down : .waiting }
        if ended { return .down }
        guard let now else { return .up }
        return now.seconds(since: last) > staleAfter ? .stale : .up
    }

    /// Messages a minute, averaged over the ten minutes before `now`: a feed that sends
    /// a report every few minutes reads as a small steady rate, not as flickering zeros.
    public func ratePerMinute(_ agency: Agency, now: Instant?) -> Double {
        guard let now, let recent = records[agency]?.recent else { return 0 }
        let from = now.adding(seconds: -600)
        return Double(recent.reversed().prefix { $0 > from }.count) / 10
    }

    /// The agency of a feed line's `source` (`/sd/370102/police`), found even in a line that
    /// failed to decode, so a rejection is counted against the feed that sent it.
    public static func agency(inRejectedLine head: String) -> Agency? {
        guard let range = head.range(of: "\"source\"") else { return nil }
        let rest = head[range.upperBound...].prefix(80)
        return Agency.allCases.first { rest.contains("/\($0.rawValue)\"") }
    }
}
