/// Reads one feed on its own thread and hands its events over, in order, one at a time.
protocol FeedTransport: Sendable {
    /// Runs until the feed ends for good or `outlet` says stop.
    func run(_ outlet: FeedOutlet)
}

/// Where a transport's events go, and its stop signal.
struct FeedOutlet: Sendable {
    /// Hands over an event, waiting while the feed's queue is full (so a feed nobody keeps up
    /// with is simply not read); false once the feeds are stopping.
    let emit: @Sendable (FeedEvent) -> Bool
    let stop: StopSignal

    var isStopped: Bool { stop.isStopped }

    /// Waits `seconds`; false when the feeds stop meanwhile.
    func pause(_ seconds: Double) -> Bool { stop.sleep(seconds) }
}

/// How much a transport asks for in one read: large enough to be cheap, small beside the
/// 1 MiB a line may hold.
let feedReadBytes = 64 << 10
