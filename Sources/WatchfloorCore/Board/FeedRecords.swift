/// What the log says of one feed, kept on the board so that a console following a store
/// shows the health of feeds that another process (an ingester) reads.
public struct LoggedFeedState: Sendable, Equatable {
    public var state: FeedStateChange.State
    public var since: Instant
    public var reason: String?
}

/// One feed's lines as the log counts them.
public struct FeedTally: Sendable, Equatable {
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    /// The event time of the newest accepted message.
    public var lastMessage: Instant?

    public init() {}
}
