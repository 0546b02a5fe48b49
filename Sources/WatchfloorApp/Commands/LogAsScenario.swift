import WatchfloorCore

/// Any archived log is a training scenario too (issue 7): a log line that recorded an accepted
/// report gives back the feed message it accepted, which is fed again as it first came; the
/// log's other entries — the decisions that message led to, the commands of that day — are not
/// replayed but made afresh by the trainee and the board.
enum LogAsScenario {
    /// What a replay does with one line of a file it was given.
    enum Line {
        /// Not a log line: a feed message (or a bad line) to ingest as it is.
        case feed
        /// A log's `report.accepted` (or `training.expectations`): the message it accepted,
        /// from the feed it came on.
        case message([UInt8], feed: String)
        /// Any other log entry: skipped.
        case skip
    }

    /// Log lines always begin with their `seq`; a CloudEvent never does.
    static func classify(_ bytes: UnsafeRawBufferPointer) -> Line {
        let prefix = #"{"seq":"#.utf8
        guard bytes.count > prefix.count, bytes.prefix(prefix.count).elementsEqual(prefix) else { return .feed }
        guard let (_, entry) = try? LogLine.entry(bytes) else { return .feed }
        switch entry.event {
        case let .reportAccepted(feed, _, _, event): return .message(event, feed: feed)
        // What a good response was goes along, so the replayed run can be judged the same way.
        case let .trainingExpectations(feed, _, _, event): return .message(event, feed: feed)
        default: return .skip
        }
    }
}
