import WatchfloorCore

/// The health of live feeds (DESIGN §5): each one up, stale or down, its rate, its lag and its
/// counts, from what its transport and the intake report. Pure: the caller passes the wall
/// clock, and gets back the changes of state to log as `feed.up`, `feed.down`, `feed.stale`.
/// A feed that keeps failing to reconnect is logged down once, not once per attempt.
public struct FeedHealth: Sendable {
    public enum State: String, Sendable {
        /// Nothing heard yet: not connected since start.
        case waiting
        case up, stale, down
    }

    /// What became of one line from a feed.
    public enum Outcome: Sendable { case accepted, rejected, duplicate, heartbeat }

    public struct Feed: Sendable {
        public let name: String
        public let url: String
        /// Seconds of silence after which a connected feed is stale.
        public let heartbeat: Double
        public internal(set) var state = State.waiting
        /// Why it is in its state, when that is not plain health.
        public internal(set) var reason: String?
        /// Wall seconds of the last line or connection: silence is measured from here.
        public internal(set) var lastHeard: Double?
        /// The event time of the newest line that carried one.
        public internal(set) var lastMessage: Instant?
        /// Arrival (wall) minus event time of the newest message.
        public internal(set) var lagSeconds: Double?
        public internal(set) var accepted = 0
        public internal(set) var rejected = 0
        public internal(set) var duplicates = 0
        var rate = RateWindow()

        /// Messages a second over the last ten seconds.
        public func ratePerSecond(wall: Double) -> Double { rate.perSecond(wall: wall) }
    }

    public private(set) var feeds: [Feed]

    public init(feeds: [(name: String, url: String, heartbeat: Double)]) {
        self.feeds = feeds.map { Feed(name: $0.name, url: $0.url, heartbeat: $0.heartbeat) }
    }

    public mutating func connected(_ name: String, wall: Double) -> [FeedStateChange] {
        update(name) { feed in
            feed.lastHeard = wall
            return (.up, nil)
        }
    }

    public mutating func disconnected(_ name: String, reason: String, wall: Double) -> [FeedStateChange] {
        update(name) { _ in (.down, reason) }
    }

    /// A file read once, or stdin, reached its end.
    public mutating func ended(_ name: String, wall: Double) -> [FeedStateChange] {
        update(name) { _ in (.down, "ended: read to its end") }
    }

    /// A line arrived: the feed is up. Called before the line is folded, so that `feed.up`
    /// comes before the report it brought in the log.
    public mutating func heard(_ name: String, wall: Double) -> [FeedStateChange] {
        update(name) { feed in
            feed.lastHeard = wall
            // A line from a feed marked down (a file that was missing) shows it is back.
            return (.up, nil)
        }
    }

    /// What became of the line just heard, for the counts, the rate and the lag.
    public mutating func counted(_ name: String, outcome: Outcome, eventTime: Instant?, wall: Double) {
        guard let i = feeds.firstIndex(where: { $0.name == name }) else { return }
        switch outcome {
        case .accepted: feeds[i].accepted += 1
        case .rejected: feeds[i].rejected += 1
        case .duplicate: feeds[i].duplicates += 1
        case .heartbeat: break
        }
        if outcome != .heartbeat { feeds[i].rate.count(wall: wall) }
        if let eventTime, outcome != .rejected {
            feeds[i].lastMessage = max(eventTime, feeds[i].lastMessage ?? eventTime)
            feeds[i].lagSeconds = wall - eventTime.secondsSince1970
        }
    }

    /// Marks stale each connected feed silent for longer than its heartbeat interval.
    public mutating func tick(wall: Double) -> [FeedStateChange] {
        var changes: [FeedStateChange] = []
        for i in feeds.indices where feeds[i].state == .up {
            let silent = wall - (feeds[i].lastHeard ?? wall)
            if silent > feeds[i].heartbeat {
                changes += set(i, .stale, reason: "no message or heartbeat for \(Int(silent)) s (interval \(Int(feeds[i].heartbeat)) s)")
            }
        }
        return changes
    }

    private mutating func update(_ name: String, _ body: (inout Feed) -> (State, String?)) -> [FeedStateChange] {
        guard let i = feeds.firstIndex(where: { $0.name == name }) else { return [] }
        let (state, reason) = body(&feeds[i])
        return set(i, state, reason: reason)
    }

    private mutating func set(_ i: Int, _ state: State, reason: String?) -> [FeedStateChange] {
        let before = feeds[i].state
        if state == before {
            // A new reason for the same state (another failed reconnect) is shown, not logged.
            if reason != nil { feeds[i].reason = reason }
            return []
        }
        feeds[i].state = state
        feeds[i].reason = reason
        let logged: FeedStateChange.State = switch state {
        case .up: .up
        case .stale: .stale
        case .down, .waiting: .down
        }
        return [FeedStateChange(feed: feeds[i].name, state: logged, reason: reason, url: feeds[i].url)]
    }
}

/// Counts in one-second buckets over the last ten seconds: constant memory at any rate.
struct RateWindow: Sendable {
    private var buckets = [Int](repeating: 0, count: 10)
    private var newestSecond = Int.min

    mutating func count(wall: Double) {
        advance(to: Int(wall.rounded(.down)))
        buckets[Self.slot(newestSecond)] += 1
    }

    func perSecond(wall: Double) -> Double {
        let now = Int(wall.rounded(.down))
        guard newestSecond != Int.min, now - newestSecond < 10 else { return 0 }
        // The buckets of seconds that are still inside the window.
        var total = 0
        for second in (now - 9)...now where second <= newestSecond && second > newestSecond - 10 {
            total += buckets[Self.slot(second)]
        }
        return Double(total) / 10
    }

    private mutating func advance(to second: Int) {
        guard second > newestSecond else { return }
        if newestSecond == Int.min || second - newestSecond >= 10 {
            buckets = [Int](repeating: 0, count: 10)
        } else {
            for s in (newestSecond + 1)...second { buckets[Self.slot(s)] = 0 }
        }
        newestSecond = second
    }

    private static func slot(_ second: Int) -> Int { ((second % 10) + 10) % 10 }
}
