/// The pure heart of the pipeline: a feed line in, sealed log entries out, the board kept
/// current. It decodes, decides (with `Correlator`), applies each decision to the board and
/// seals it into the chain. It does no I/O: the runtime stores and prints what it returns.
public struct Intake: Sendable {
    public internal(set) var board: Board
    public internal(set) var chain: LogChain
    public let correlator: Correlator
    /// Everything this intake records is training (replays) or live work.
    public let exercise: Bool

    public init(board: Board, chain: LogChain = LogChain(), correlator: Correlator, exercise: Bool) {
        self.board = board
        self.chain = chain
        self.correlator = correlator
        self.exercise = exercise
    }

    /// Takes one feed line (without its newline). `now` is the runtime's clock; nil means the
    /// scenario's own clock: the message's time, never running backwards.
    public mutating func ingest(_ line: UnsafeRawBufferPointer, at position: FeedPosition, now: Instant? = nil) -> [SealedEntry] {
        admit(line, at: position, now: now).map { chain.seal($0) }
    }

    /// `ingest` without the sealing: the entries are on the board and are returned in order,
    /// for a caller that seals them into its own chain (the replay seals on its commit thread,
    /// beside the store). An intake whose entries are sealed elsewhere leaves `chain` alone.
    public mutating func admit(_ line: UnsafeRawBufferPointer, at position: FeedPosition, now: Instant? = nil) -> [LogEntry] {
        let actor = "feed:" + position.feed
        let message: FeedMessage
        do throws(RejectReason) {
            message = try CloudEventDecoder.decode(line)
        } catch {
            return [reject(line, at: position, reason: error.message, time: now ?? board.clock ?? Instant(milliseconds: 0))]
        }
        let key = message.key, time = message.time
        if let reason = Self.implausibleTime(time, now: now, clock: board.clock) {
            return [reject(line, at: position, reason: reason, time: now ?? board.clock ?? time)]
        }
        let at = now ?? max(time, board.clock ?? time)
        var entries = expireWarnings(at: at)
        if case .heartbeat = message { return entries }
        if case .expectations(let expectations) = message {
            entries.append(admit(expectations, line, at: position, time: at))
            return entries
        }
        if board.hasSeen(key) {
            entries.append(duplicate(key, at: position, time: at))
            return entries
        }
        let decisions: [LogEvent]
        do throws(RejectReason) {
            decisions = try decide(message)
        } catch {
            entries.append(reject(line, at: position, reason: error.message, time: at))
            return entries
        }
        let accepted = LogEvent.reportAccepted(feed: position.feed, offset: position.offset, message: message, event: Array(line))
        entries.append(apply(LogEntry(at: at, actor: actor, exercise: exercise, event: accepted)))
        for decision in decisions {
            var event = decision
            // A new incident's id is only known once the report is on the board.
            if case .incidentOpened(var o) = event {
                o.incident = board.nextIncidentID
                event = .incidentOpened(o)
            }
            entries.append(apply(LogEntry(at: at, actor: actor, exercise: exercise, event: event)))
        }
        return entries
    }

    /// A message seen before: logged as such, and otherwise ignored.
    mutating func duplicate(_ key: ReportKey, at position: FeedPosition, time: Instant) -> LogEntry {
        let event = LogEvent.reportDuplicate(feed: position.feed, offset: position.offset, key: key)
        return apply(LogEntry(at: time, actor: "feed:" + position.feed, exercise: exercise, event: event))
    }

    /// Applies an entry to the board and seals it. Operators' commands come through here too.
    public mutating func record(_ entry: LogEntry) -> SealedEntry {
        chain.seal(apply(entry))
    }

    /// Applies an entry to the board and hands it back, to be sealed in order.
    mutating func apply(_ entry: LogEntry) -> LogEntry {
        _ = board.apply(entry)
        return entry
    }

    /// A message from the future would move the board's clock and expire every warning:
    /// it is refused. Live feeds may run ahead of our clock by minutes, a replay's next
    /// message by at most a day.
    static func implausibleTime(_ time: Instant, now: Instant?, clock: Instant?) -> String? {
        if let now, time.seconds(since: now) > 600 {
            return "`time` \(time.rfc3339) is more than 10 minutes ahead of the command centre's clock (\(now.rfc3339)); check the source's clock"
        }
        if now == nil, let clock, time.seconds(since: clock) > 86_400 {
            return "`time` \(time.rfc3339) is more than a day after the previous message (\(clock.rfc3339)); check the source's clock"
        }
        return nil
    }

    /// Refuses a line too long to hold (over 1 MiB): only its start was kept, so it is
    /// rejected outright rather than decoded from a fragment.
    public mutating func rejectOversized(start: UnsafeRawBufferPointer, at position: FeedPosition, limit: Int, now: Instant? = nil) -> SealedEntry {
        chain.seal(admitOversized(start: start, at: position, limit: limit, now: now))
    }

    /// `rejectOversized` without the sealing, as `admit` is to `ingest`.
    public mutating func admitOversized(start: UnsafeRawBufferPointer, at position: FeedPosition, limit: Int, now: Instant? = nil) -> LogEntry {
        reject(start, at: position, reason: "line longer than \(limit / (1 << 20)) MiB; a feed message must be shorter",
               time: now ?? board.clock ?? Instant(milliseconds: 0))
    }

    /// Refuses a line for a reason found before decoding it (a feed's signature is missing or
    /// wrong): logged like any refused line, with its first 200 bytes.
    public mutating func refuse(_ line: UnsafeRawBufferPointer, at position: FeedPosition, reason: String, now: Instant) -> SealedEntry {
        chain.seal(reject(line, at: position, reason: reason, time: now))
    }

    /// Records a refused line: where it was, why, and its first 200 bytes.
    mutating func reject(_ line: UnsafeRawBufferPointer, at position: FeedPosition, reason: String, time: Instant) -> LogEntry {
        let rejection = ReportRejection(
            feed: position.feed, offset: position.offset, line: position.line, reason: reason, head: Self.head(of: line)
        )
        return apply(LogEntry(at: time, actor: "feed:" + position.feed, exercise: exercise, event: .reportRejected(rejection)))
    }

    /// The first 200 bytes of a bad line, as valid UTF-8, for the log and the rejects pane:
    /// bytes that are not UTF-8 become U+FFFD, and the result is cut back to 200 bytes on a
    /// character boundary.
    static func head(of line: UnsafeRawBufferPointer) -> String {
        let start = UnsafeRawBufferPointer(rebasing: line[..<min(line.count, 200)])
        var text = String(decoding: start, as: UTF8.self)
        while text.utf8.count > 200 { text.removeLast() }
        return text
    }
}
