import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorTerminal

/// `watchfloor ingest`: the headless ingester. Live feeds into the store, the log on stdout,
/// until SIGTERM or SIGINT (or until every feed was a file or stdin read to its end). It
/// writes under the store's lock like everyone else, so consoles and gateways may write to
/// the same store while it runs.
public enum IngestCommand {
    public struct Options {
        public var storePath: String
        public var feeds: [String]
        public var feedsFile: String?
        public var keys: [String]

        public init(storePath: String, feeds: [String], feedsFile: String?, keys: [String]) {
            self.storePath = storePath
            self.feeds = feeds
            self.feedsFile = feedsFile
            self.keys = keys
        }
    }

    /// At most this many events go into one transaction: a flood is committed in large
    /// batches, and a quiet feed's line is committed at once.
    static let batch = 4096

    public static func run(_ options: Options) throws(AppError) {
        let plan = try FeedPlan.resolve(feeds: options.feeds, file: options.feedsFile, keys: options.keys)
        guard !plan.feeds.isEmpty else {
            throw AppError("ingest needs at least one feed: --feed NAME=URL or --feeds FILE", exitCode: 64)
        }
        let hub = FeedHub(feeds: try plan.urls())
        let reference = try Reference.load(try DataFiles.locate())
        let store = try StoreOpener.open(options.storePath)
        var intake = Intake(board: reference.emptyBoard(), chain: LogChain(), correlator: reference.correlator(), exercise: false)
        _ = try SharedStore.catchUp(store, intake: &intake)
        let pipeline = CommitPipeline(store: nil, chain: intake.chain, output: LogOutput())
        let signals = SignalWatch(signals: [SIGINT, SIGTERM])
        var feeds = FeedIntake(plan: plan)
        var ended: Set<String> = []
        var lastTick = -Double.infinity
        var stopReason = "ingester stopped"
        hub.start()
        defer { hub.stop() }
        while true {
            if let signal = signals.receivedSignal {
                stopReason = "ingester stopped (\(signal == SIGINT ? "SIGINT" : "SIGTERM"))"
                break
            }
            let events = hub.take(max: batch, timeout: 0.2)
            let wall = Date().timeIntervalSince1970
            let tickDue = wall - lastTick >= 1
            if events.isEmpty && !tickDue { continue }
            if tickDue { lastTick = wall }
            let committed = try SharedStore.commit(store, intake: &intake) { (intake: inout Intake) -> (entries: [SealedEntry], value: Void) in
                var sealed = feeds.fold(events, into: &intake, wall: wall)
                if tickDue { sealed += feeds.tick(into: &intake, wall: wall) }
                return (sealed, ())
            }
            if !committed.entries.isEmpty { try pipeline.submit(sealed: committed.entries) }
            for e in events { if case .ended = e.event { ended.insert(e.feed) } }
            if ended.count == plan.feeds.count {
                stopReason = "every feed read to its end"
                break
            }
            if pipeline.readerGone {
                stopReason = "stdout was closed"
                break
            }
        }
        hub.stop()
        let wall = Date().timeIntervalSince1970
        let last = try SharedStore.commit(store, intake: &intake) { (intake: inout Intake) -> (entries: [SealedEntry], value: Void) in
            (feeds.stop(into: &intake, wall: wall, reason: stopReason), ())
        }
        if !last.entries.isEmpty { try pipeline.submit(sealed: last.entries) }
        try pipeline.close()
        let counts = feeds.health.feeds.map { "\($0.name) \($0.accepted) accepted, \($0.duplicates) duplicate, \($0.rejected) refused" }
        FileHandle.standardError.write(Data("watchfloor: ingest: \(stopReason); \(counts.joined(separator: "; ")); the log is in \(store.location)\n".utf8))
    }
}
