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

    /// The feed's name as the log records it (`feed:<name>`).
    public var name: String
    /// The agency the feed speaks for, when its name is an agency's: shown in the officer's
    /// language instead of the name.
    public var agency: Agency?
    public var state: State
    /// Messages a second, recently.
    public var ratePerSecond: Double?
    /// Seconds between a message's own time and its arrival; nil in a replay.
    public var lagSeconds: Double?
    public var lastMessage: Instant?
    public var accepted: Int
    public var rejected: Int
    /// Why a feed is down or stale, when known: what to check.
    public var reason: String?

    public init(name: String, agency: Agency? = nil, state: State, ratePerSecond: Double? = 0, lagSeconds: Double? = nil,
                lastMessage: Instant? = nil, accepted: Int = 0, rejected: Int = 0, reason: String? = nil) {
        self.name = name
        self.agency = agency ?? Agency(rawValue: name)
        self.state = state
        self.ratePerSecond = ratePerSecond
        self.lagSeconds = lagSeconds
        self.lastMessage = lastMessage
        self.accepted = accepted
        self.rejected = rejected
        self.reason = reason
    }

    /// One agency's feed in a replay, named after the agency.
    public init(agency: Agency, state: State, ratePerSecond: Double? = 0, lastMessage: Instant? = nil, accepted: Int = 0, rejected: Int = 0) {
        self.init(name: agency.rawValue, agency: agency, state: state, ratePerSecond: ratePerSecond,
                  lastMessage: lastMessage, accepted: accepted, rejected: rejected)
    }
}
