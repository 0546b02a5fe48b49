import Foundation

/// Several feeds read at once, each on its own thread into its own bounded queue. A feed
/// whose queue is full is not read from until its events are taken — backpressure that
/// reaches a TCP agency as a full window — while the other feeds go on. `take` hands events
/// out round robin across the feeds, so one flooding feed cannot starve the rest.
public final class FeedHub: @unchecked Sendable {
    public struct Event: Sendable {
        public var feed: String
        public var event: FeedEvent

        public init(feed: String, event: FeedEvent) {
            self.feed = feed
            self.event = event
        }
    }

    /// How full a feed's queue is, and the most it ever held: for the feeds pane, and to
    /// see that backpressure holds.
    public struct Depth: Sendable, Equatable {
        public var events: Int
        public var bytes: Int
        public var mostEvents: Int
    }

    public let names: [String]
    public let queueCapacity: Int
    public let queueBytes: Int
    private let transports: [any FeedTransport]

    // Everything below is guarded by `condition`'s lock.
    private let condition = NSCondition()
    private var queues: [FeedQueue]
    private var queued = 0
    /// The feed whose turn it is to be taken from.
    private var turn = 0
    private var takersWaiting = 0
    private var producersWaiting = 0
    private var started = false
    private var stopped = false
    private var threads: [FeedThread] = []

    private let stopSignal = StopSignal()

    /// `queueCapacity` events and `queueBytes` bytes per feed (at least one event is always
    /// let in, so a line of 1 MiB passes a smaller byte bound).
    public convenience init(
        feeds: [(name: String, url: FeedURL)], queueCapacity: Int = 1024, queueBytes: Int = 8 << 20, backoff: Backoff = Backoff()
    ) {
        self.init(transports: feeds.map { ($0.name, Self.transport(for: $0.url, backoff: backoff)) },
                  queueCapacity: queueCapacity, queueBytes: queueBytes)
    }

    init(transports: [(name: String, transport: any FeedTransport)], queueCapacity: Int = 1024, queueBytes: Int = 8 << 20) {
        names = transports.map(\.name)
        self.transports = transports.map(\.transport)
        self.queueCapacity = max(1, queueCapacity)
        self.queueBytes = max(1, queueBytes)
        queues = Array(repeating: FeedQueue(), count: transports.count)
    }

    static func transport(for url: FeedURL, backoff: Backoff) -> any FeedTransport {
        switch url.kind {
        case let .file(path, follow: false): ReadOnceTransport(source: .path(path))
        case let .file(path, follow: true): FollowTransport(path: path)
        case .stdin: ReadOnceTransport(source: .descriptor(STDIN_FILENO, name: "stdin"))
        case let .tcp(host, port): TCPTransport(host: host, port: port, backoff: backoff)
        }
    }

    deinit {
        stop()
    }

    /// Starts reading every feed; later calls do nothing.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started, !stopped else { return }
        started = true
        for (index, transport) in transports.enumerated() {
            // Weak: a hub nobody holds any more stops its threads from its deinit.
            let outlet = FeedOutlet(emit: { [weak self] event in self?.put(event, feed: index) ?? false }, stop: stopSignal)
            if let thread = FeedThread.start({ transport.run(outlet) }) {
                threads.append(thread)
            } else {
                queues[index].push(.disconnected("cannot start a thread to read this feed: \(Posix.errorText(errno))"))
                queued += 1
            }
        }
    }

    /// Waits up to `timeout` seconds for at least one event, then returns those waiting, at
    /// most `max`, taking one from each feed in turn. Empty once stopped.
    public func take(max: Int, timeout: Double) -> [Event] {
        guard max > 0 else { return [] }
        let deadline = Date().addingTimeInterval(Swift.max(0, timeout))
        condition.lock()
        defer { condition.unlock() }
        while !stopped && queued == 0 {
            takersWaiting += 1
            let signalled = condition.wait(until: deadline)
            takersWaiting -= 1
            if !signalled { break }
        }
        guard !stopped, queued > 0 else { return [] }
        var taken: [Event] = []
        var emptyInARow = 0
        while taken.count < max && emptyInARow < queues.count {
            if let event = queues[turn].pop() {
                taken.append(Event(feed: names[turn], event: event))
                emptyInARow = 0
            } else {
                emptyInARow += 1
            }
            turn = (turn + 1) % queues.count
        }
        queued -= taken.count
        if producersWaiting > 0 { condition.broadcast() }
        return taken
    }

    /// Closes every connection and file and joins the threads, promptly (each waits in
    /// slices of 100 ms at most); events not taken are dropped. Later calls do nothing.
    public func stop() {
        condition.lock()
        stopped = true
        let joining = threads
        threads = []
        condition.broadcast()
        condition.unlock()
        stopSignal.stop()
        for thread in joining { thread.join() }
        condition.lock()
        for i in queues.indices { queues[i].removeAll() }
        queued = 0
        condition.unlock()
    }

    /// How full the named feed's queue is; nil for a name the hub does not have.
    public func depth(of feed: String) -> Depth? {
        guard let index = names.firstIndex(of: feed) else { return nil }
        condition.lock()
        defer { condition.unlock() }
        let queue = queues[index]
        return Depth(events: queue.count, bytes: queue.bytes, mostEvents: queue.mostEvents)
    }

    /// A transport hands over an event, waiting while its feed's queue is full.
    private func put(_ event: FeedEvent, feed index: Int) -> Bool {
        let size = FeedQueue.size(of: event)
        condition.lock()
        defer { condition.unlock() }
        while !stopped && !queues[index].hasRoom(for: size, capacity: queueCapacity, maxBytes: queueBytes) {
            producersWaiting += 1
            condition.wait()
            producersWaiting -= 1
        }
        guard !stopped else { return false }
        queues[index].push(event)
        queued += 1
        if takersWaiting > 0 { condition.broadcast() }
        return true
    }
}
