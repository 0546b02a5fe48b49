import Foundation
import WatchfloorCore
import WatchfloorFeeds

/// Feeds a console reads itself (`run --feed`): their lines folded and committed between
/// keys and frames, their health in the feeds pane.
final class LiveFeeds {
    let hub: FeedHub
    var intake: FeedIntake
    var lastTick = -Double.infinity

    init(hub: FeedHub, intake: FeedIntake) {
        self.hub = hub
        self.intake = intake
    }

    /// At most this many events a turn of the loop, so keys are answered during a flood; the
    /// rest wait in the hub, whose bounded queues then hold the feeds back.
    static let perTurn = 2048
}

extension Session {
    /// Takes what the feeds sent since the last turn, and once a second looks for stale feeds.
    func readFeeds(wall: Double) throws(AppError) {
        guard let live = liveFeeds else { return }
        let events = live.hub.take(max: LiveFeeds.perTurn, timeout: 0)
        let now = Date().timeIntervalSince1970
        let tickDue = wall - live.lastTick >= 1
        guard !events.isEmpty || tickDue else { return }
        if tickDue { live.lastTick = wall }
        let sealed = try commit { (intake: inout Intake) -> (entries: [SealedEntry], value: Int) in
            var sealed = live.intake.fold(events, into: &intake, wall: now)
            if tickDue { sealed += live.intake.tick(into: &intake, wall: now) }
            return (sealed, sealed.count)
        }
        if sealed > 0 || !events.isEmpty || tickDue { invalidateRows() }
    }

    /// Closes the feeds and logs each that was up as down: this console no longer reads it.
    func stopFeeds() throws(AppError) {
        guard let live = liveFeeds else { return }
        live.hub.stop()
        let now = Date().timeIntervalSince1970
        _ = try commit { (intake: inout Intake) -> (entries: [SealedEntry], value: Void) in
            (live.intake.stop(into: &intake, wall: now, reason: "the console reading it was closed"), ())
        }
        liveFeeds = nil
    }
}
