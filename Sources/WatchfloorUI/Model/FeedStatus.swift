import WatchfloorCore

/// The health of one feed as the feeds pane shows it.
public struct FeedStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Messages or heartbeats arrive within the feed's interval.
        case up
        /// Connected (or playing) but silent past its interval.
        case stale
        /// Not connected, or the recording has ended.
        case down
        /// Nothing heard yet.
        case waiting
    }

    public var agency: Agency
    public var state: State
    /// Messages per minute over the last minute.
    public var ratePerMinute: Double
    /// Seconds between a message's own time and its arrival; nil in a replay.
    public var lagSeconds: Double?
    public var lastMessage: Instant?
    public var accepted: Int
    public var rejected: Int

    public init(agency: Agency, state: State, ratePerMinute: Double = 0, lagSeconds: Double? = nil, lastMessage: Instant? = nil, accepted: Int = 0, rejected: Int = 0) {
        self.agency = agency
        self.state = state
        self.ratePerMinute = ratePerMinute
        self.lagSeconds = lagSeconds
        self.lastMessage = lastMessage
        self.accepted = accepted
        self.rejected = rejected
    }
}
