import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorTerminal

/// One term of leading a site: the board caught up from the store, then the feeds read into it
/// until a signal, the feeds' end, stdout's reader gone — or the site's lock lost. Every term
/// starts afresh (board, feeds, connections): what a lost term had folded but not committed is
/// not trusted, and the feeds resend what the next leader needs (what it already has is a
/// `report.duplicate`).
struct IngestTerm {
    let plan: FeedPlan
    let feedURLs: [(name: String, url: FeedURL)]
    let reference: Reference
    let store: any DispatchStore
    let lock: any SiteLock
    let signals: SignalWatch

    /// At most this many events go into one transaction: a flood is committed in large
    /// batches, and a quiet feed's line is committed at once.
    static let batch = 4096

    enum End {
        /// The ingester is done (a signal, every feed read to its end, stdout closed).
        case finished
        /// The site's lock was lost, and with it the right to write the feeds: wait again.
        case lostSite(String)
    }

    func run() throws(AppError) -> End {
        // The store's connection may be one the server dropped while this ingester waited (a
        // restart): the first call finds it gone and the next connects afresh, so a probe goes first.
        _ = try? store.chainHead()
        var intake: Intake
        do throws(AppError) {
            intake = try StoreFold.open(store, reference: reference, exercise: false)
        } catch {
            guard lock.isHeld() else { return .lostSite(error.message) }
            throw error
        }
        let pipeline = CommitPipeline(store: nil, chain: intake.chain, output: LogOutput())
        let hub = FeedHub(feeds: feedURLs)
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
            let events = hub.take(max: Self.batch, timeout: 0.2)
            let wall = WallTime.secondsSince1970()
            let tickDue = wall - lastTick >= 1
            if events.isEmpty && !tickDue { continue }
            if tickDue {
                lastTick = wall
                // Checked once a second: between a loss and its discovery the store's write
                // lock still lets nothing be accepted twice.
                if !lock.isHeld() {
                    return lose("the connection that held it is gone", hub: hub, pipeline: pipeline)
                }
            }
            do throws(AppError) {
                let committed = try SharedStore.commit(store, intake: &intake) { (intake: inout Intake) -> (entries: [SealedEntry], value: Void) in
                    (feeds.turn(events, tick: tickDue, into: &intake, wall: wall), ())
                }
                if !committed.entries.isEmpty { try pipeline.submit(sealed: committed.entries) }
            } catch {
                // A store that failed because the server went away took the site's lock with it:
                // another ingester may lead now. A store that failed while the lock holds is a
                // failure of its own, and stops the ingester as before.
                guard lock.isHeld() else {
                    return lose(error.message, hub: hub, pipeline: pipeline)
                }
                throw error
            }
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
        let wall = WallTime.secondsSince1970()
        let last = try SharedStore.commit(store, intake: &intake) { (intake: inout Intake) -> (entries: [SealedEntry], value: Void) in
            (feeds.stop(into: &intake, wall: wall, reason: stopReason), ())
        }
        if !last.entries.isEmpty { try pipeline.submit(sealed: last.entries) }
        try pipeline.close()
        let counts = feeds.health.feeds.map { "\($0.name) \($0.accepted) accepted, \($0.duplicates) duplicate, \($0.rejected) refused" }
        FileHandle.standardError.write(Data("watchfloor: ingest: \(stopReason); \(counts.joined(separator: "; ")); the log is in \(store.location)\n".utf8))
        return .finished
    }

    /// Stops reading the feeds at once and writes nothing more: another ingester may lead the
    /// site already, and a `feed.down` from this one would mark its feeds down on every board.
    private func lose(_ why: String, hub: FeedHub, pipeline: CommitPipeline) -> End {
        hub.stop()
        try? pipeline.close()
        return .lostSite(why)
    }
}
