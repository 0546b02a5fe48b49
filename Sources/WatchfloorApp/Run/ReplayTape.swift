import WatchfloorCore
import WatchfloorFeeds

/// A recorded feed held in memory for the board to play, pause and seek: each line
/// with its message time. Scenarios are small (a few hundred kilobytes); `watchfloor replay
/// --headless` streams instead, for days of millions of messages.
struct ReplayTape {
    struct Line {
        var bytes: [UInt8]
        /// The message's time; a line that does not decode keeps the time of the one before.
        var time: Instant
        var position: FeedPosition
        var oversized: Bool
    }

    private(set) var lines: [Line] = []
    /// The next line to play.
    private(set) var next = 0

    static func load(_ paths: [String]) throws(AppError) -> ReplayTape {
        var tape = ReplayTape()
        var lastTime = Instant(milliseconds: 0)
        try ReplaySources.forEachLine(paths) { (bytes, position, oversized) throws(AppError) in
            if !oversized, let message = try? CloudEventDecoder.decode(bytes) { lastTime = message.time }
            tape.lines.append(Line(bytes: Array(bytes), time: lastTime, position: position, oversized: oversized))
            return true
        }
        if let first = tape.lines.firstIndex(where: { $0.time.milliseconds > 0 }) {
            // Leading lines that never decoded play at the first real time, not in 1970.
            for i in 0..<first { tape.lines[i].time = tape.lines[first].time }
        }
        return tape
    }

    var isEmpty: Bool { lines.isEmpty }
    var ended: Bool { next >= lines.count }
    var firstTime: Instant? { lines.first?.time }
    var nextTime: Instant? { ended ? nil : lines[next].time }

    var lastTime: Instant? { lines.last?.time }

    /// Back to the first line, to play the recording again from its start.
    mutating func rewind() {
        next = 0
    }

    /// The next line if it is due at scenario time `now`.
    mutating func take(dueBy now: Instant) -> Line? {
        guard !ended, lines[next].time <= now else { return nil }
        defer { next += 1 }
        return lines[next]
    }
}
