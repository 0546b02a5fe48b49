import WatchfloorCore
import WatchfloorFeeds

/// The lines of one or more recorded feeds, in time order. One file streams straight through;
/// several are merged by message time (each is sorted by time already, DESIGN §3.5), which
/// needs them in memory. A file may also be an archived log: its accepted messages are played
/// (`LogAsScenario`).
enum ReplaySources {
    /// A line, where it came from, and whether it was too long to keep whole (then the
    /// bytes are only its start).
    typealias Body = (UnsafeRawBufferPointer, FeedPosition, _ oversized: Bool) throws(AppError) -> Bool

    static func forEachLine(_ paths: [String], _ body: Body) throws(AppError) {
        if paths.count == 1 {
            try stream(paths[0], body)
        } else {
            try merge(paths, body)
        }
    }

    /// A replay's feed is named after its file: `jinan-rainstorm.jsonl` → `jinan-rainstorm`.
    static func feedName(_ path: String) -> String {
        if path == "-" { return "stdin" }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".jsonl", ".ndjson", ".json", ".log"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return name
    }

    static func stream(_ path: String, _ body: Body) throws(AppError) {
        let reader: LineReader
        do { reader = try LineReader(path: path) } catch { throw AppError(error.message) }
        let feed = feedName(path)
        var failure: AppError?
        do {
            try reader.forEachLine { line in
                if line.bytes.isEmpty && line.terminated { return true }
                var position = FeedPosition(feed: feed, offset: line.offset, line: line.number)
                do throws(AppError) {
                    // A log given as a scenario: its accepted messages, on their own feeds.
                    switch line.oversized ? .feed : LogAsScenario.classify(line.bytes) {
                    case .feed:
                        return try body(line.bytes, position, line.oversized)
                    case .skip:
                        return true
                    case let .message(event, original):
                        position.feed = original
                        return try event.withBytes { (b) throws(AppError) -> Bool in try body(b, position, false) }
                    }
                } catch {
                    failure = error
                    throw error
                }
            }
        } catch {
            if let failure { throw failure }
            throw AppError("\(error)")
        }
    }

    static func merge(_ paths: [String], _ body: Body) throws(AppError) {
        struct Held {
            var bytes: [UInt8]
            var time: Instant
            var position: FeedPosition
            var oversized: Bool
        }
        var all: [Held] = []
        for path in paths {
            var lastTime = Instant(milliseconds: 0)
            var held: [Held] = []
            try stream(path) { (bytes, position, oversized) throws(AppError) in
                // Lines that do not decode keep their place after the line before them.
                if !oversized, let message = try? CloudEventDecoder.decode(bytes) { lastTime = message.time }
                held.append(Held(bytes: Array(bytes), time: lastTime, position: position, oversized: oversized))
                return true
            }
            all.append(contentsOf: held)
        }
        // A stable sort keeps each file's own order among equal times.
        let order = all.indices.sorted { (all[$0].time, $0) < (all[$1].time, $1) }
        for i in order {
            let keepGoing = try all[i].bytes.withBytes { (b) throws(AppError) -> Bool in try body(b, all[i].position, all[i].oversized) }
            if !keepGoing { return }
        }
    }
}
