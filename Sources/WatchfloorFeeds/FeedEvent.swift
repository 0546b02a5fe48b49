/// What a feed's transport reports, in order. After each `connected`, line numbers and
/// offsets start again from 1 and 0: a new connection, a rotated file, a truncated one.
public enum FeedEvent: Sendable {
    /// A tcp connection is up, or a file is open (again).
    case connected
    case line(FeedLine)
    /// Why the feed is not delivering, said for a duty officer: "connection refused — retrying
    /// in 2.1 s", "waiting for feeds/police.jsonl to appear", "connection closed by the agency".
    case disconnected(String)
    /// A file read once, or stdin, reached its end: nothing more will come.
    case ended
}

/// One line of a feed, as bytes: whether they are UTF-8, JSON or a CloudEvent is the
/// decoder's business, not the transport's.
public struct FeedLine: Sendable, Equatable {
    /// Without the newline (nor a `\r` before it); for an oversized line, its first 200 bytes.
    public var bytes: [UInt8]
    /// Byte offset of the line's start: for tcp since the connection opened, for a file in
    /// the file as it is now (after a rotation, in the new file).
    public var offset: Int
    /// 1-based line number, counted from the same start as `offset`.
    public var number: Int
    /// Longer than `LineReader.maxLineBytes`: skipped to its newline, only the head kept.
    public var oversized: Bool

    public init(bytes: [UInt8], offset: Int, number: Int, oversized: Bool = false) {
        self.bytes = bytes
        self.offset = offset
        self.number = number
        self.oversized = oversized
    }
}
