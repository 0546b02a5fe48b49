/// One feed's events waiting to be taken, bounded both in number and in bytes, so a feed
/// of large lines holds megabytes, not gigabytes.
struct FeedQueue {
    private var events: [FeedEvent] = []
    private var head = 0
    private(set) var bytes = 0
    /// The most events it ever held at once.
    private(set) var mostEvents = 0

    var count: Int { events.count - head }

    /// Room for one more event of `size` bytes. An empty queue takes any event, so a line
    /// larger than the byte bound still gets through.
    func hasRoom(for size: Int, capacity: Int, maxBytes: Int) -> Bool {
        count == 0 || (count < capacity && bytes + size <= maxBytes)
    }

    mutating func push(_ event: FeedEvent) {
        events.append(event)
        bytes += Self.size(of: event)
        mostEvents = max(mostEvents, count)
    }

    mutating func pop() -> FeedEvent? {
        guard head < events.count else { return nil }
        let event = events[head]
        head += 1
        bytes -= Self.size(of: event)
        // Taken events are dropped in batches: removing the first of an array moves the rest.
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 256 && head * 2 >= events.count {
            events.removeFirst(head)
            head = 0
        }
        return event
    }

    mutating func removeAll() {
        events = []
        head = 0
        bytes = 0
    }

    /// What an event costs: a line's bytes, and a little for the event around them.
    static func size(of event: FeedEvent) -> Int {
        if case let .line(line) = event { return line.bytes.count + 64 }
        return 64
    }
}
