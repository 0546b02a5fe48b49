/// What the log says of a feed's connection (DESIGN §3.3 `feed.up`, `feed.down`, `feed.stale`):
/// every change of a feed's state is an entry, so a console that follows the log — or an
/// after-action report — knows when the board could be trusted.
public struct FeedStateChange: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Messages or heartbeats arrive within the feed's interval.
        case up
        /// Not connected, or a file read once has ended.
        case down
        /// Connected, but silent past its heartbeat interval.
        case stale
    }

    public var feed: String
    public var state: State
    /// Why, in words a duty officer can act on: "connection refused", "no message for 62 s".
    public var reason: String?
    /// The feed's address, so the entry alone says what to check.
    public var url: String?

    public init(feed: String, state: State, reason: String? = nil, url: String? = nil) {
        self.feed = feed
        self.state = state
        self.reason = reason
        self.url = url
    }

    var kind: LogKind {
        switch state {
        case .up: .feedUp
        case .down: .feedDown
        case .stale: .feedStale
        }
    }
}

