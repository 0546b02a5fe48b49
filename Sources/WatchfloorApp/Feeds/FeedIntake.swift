import WatchfloorCore
import WatchfloorFeeds

/// Live feeds into the intake: each transport event and line from the hub becomes log
/// entries — `feed.up/down/stale` from the feeds' health, and the line's own entries (accepted,
/// duplicate, refused) — in the order they happened. A signed feed's lines are checked before
/// they are decoded. Used alike by `ingest` and by a console reading feeds itself.
struct FeedIntake {
    private(set) var health: FeedHealth
    private let signatures: [String: FeedSignature]

    init(plan: FeedPlan) {
        health = FeedHealth(feeds: plan.feeds.map { ($0.name, $0.url, $0.heartbeat) })
        var signatures: [String: FeedSignature] = [:]
        for feed in plan.feeds { if let key = feed.key { signatures[feed.name] = FeedSignature(key: key) } }
        self.signatures = signatures
    }

    /// Folds `events` into the intake at wall time `wall`; returns what it sealed, in order.
    mutating func fold(_ events: [FeedHub.Event], into intake: inout Intake, wall: Double) -> [SealedEntry] {
        var sealed: [SealedEntry] = []
        let now = Instant(secondsSince1970: wall)
        for e in events {
            switch e.event {
            case .connected:
                sealed += Self.record(health.connected(e.feed, wall: wall), into: &intake, at: now)
            case .disconnected(let reason):
                sealed += Self.record(health.disconnected(e.feed, reason: reason, wall: wall), into: &intake, at: now)
            case .ended:
                sealed += Self.record(health.ended(e.feed, wall: wall), into: &intake, at: now)
            case .line(let line):
                sealed += Self.record(health.heard(e.feed, wall: wall), into: &intake, at: now)
                let entries = ingest(line, feed: e.feed, into: &intake, now: now)
                let (outcome, time) = Self.outcome(of: entries)
                health.counted(e.feed, outcome: outcome, eventTime: time, wall: wall)
                sealed += entries
            }
        }
        return sealed
    }

    /// One turn of a reader of live feeds (`ingest`, a console's `--feed`): `events` folded,
    /// then, when a tick is due, the feeds silent past their interval marked stale.
    mutating func turn(_ events: [FeedHub.Event], tick: Bool, into intake: inout Intake, wall: Double) -> [SealedEntry] {
        var sealed = fold(events, into: &intake, wall: wall)
        if tick { sealed += self.tick(into: &intake, wall: wall) }
        return sealed
    }

    /// Marks stale the feeds silent past their interval.
    mutating func tick(into intake: inout Intake, wall: Double) -> [SealedEntry] {
        Self.record(health.tick(wall: wall), into: &intake, at: Instant(secondsSince1970: wall))
    }

    /// Every feed still up or stale, logged down: the reader is going away.
    mutating func stop(into intake: inout Intake, wall: Double, reason: String) -> [SealedEntry] {
        var sealed: [SealedEntry] = []
        for feed in health.feeds where feed.state == .up || feed.state == .stale {
            sealed += Self.record(health.disconnected(feed.name, reason: reason, wall: wall), into: &intake, at: Instant(secondsSince1970: wall))
        }
        return sealed
    }

    private func ingest(_ line: FeedLine, feed: String, into intake: inout Intake, now: Instant) -> [SealedEntry] {
        let position = FeedPosition(feed: feed, offset: line.offset, line: line.number)
        return line.bytes.withUnsafeBytes { b in
            if line.oversized {
                return [intake.rejectOversized(start: b, at: position, limit: LineReader.maxLineBytes, now: now)]
            }
            if let signature = signatures[feed], let refusal = signature.check(b) {
                return [intake.refuse(b, at: position, reason: refusal.message, now: now)]
            }
            return intake.ingest(b, at: position, now: now)
        }
    }

    private static func record(_ changes: [FeedStateChange], into intake: inout Intake, at now: Instant) -> [SealedEntry] {
        changes.map { intake.record(LogEntry(at: now, actor: "feed:" + $0.feed, exercise: intake.exercise, event: .feedState($0))) }
    }

    /// What became of a line, read from the entries it made; a line that made none of these
    /// was a heartbeat.
    private static func outcome(of entries: [SealedEntry]) -> (FeedHealth.Outcome, Instant?) {
        for e in entries {
            switch e.entry.event {
            case let .reportAccepted(_, _, message, _): return (.accepted, message.time)
            case .reportRejected: return (.rejected, nil)
            case .reportDuplicate: return (.duplicate, nil)
            default: continue
            }
        }
        return (.heartbeat, nil)
    }
}
