/// Where a line came from: which feed, and where in it.
public struct FeedPosition: Sendable, Equatable {
    public var feed: String
    /// Byte offset of the line's first byte.
    public var offset: Int
    /// 1-based line number.
    public var line: Int

    public init(feed: String, offset: Int, line: Int) {
        self.feed = feed
        self.offset = offset
        self.line = line
    }
}
