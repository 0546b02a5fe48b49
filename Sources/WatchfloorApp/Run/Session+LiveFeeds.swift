import Foundation
import WatchfloorCore
import WatchfloorFeeds

/// Feeds a console reads itself (`run --feed`): their lines folded and committed between
/// keys and frames, their health in the feeds pane.
final class LiveFeeds {
    let hub: FeedHub
    var intake: FeedIntake
    var lastTick = -Double.infinity
    /// Taken from the hub, but their commit failed because the store went out of reach: they
    /// go first once it is back. A line the store did take before the break is then a
    /// `report.duplicate`, so nothing is lost and nothing is accepted twice.
    var unsent: [FeedHub.Event] = []

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
    /// While the store is out of reach nothing is taken: the hub's bounded queues hold the
    /// feeds back until the board is confirmed from the store again (`Session+Follow`).
    func readFeeds(wall: Double) throws(AppError) {
        guard let live = liveFeeds, storeTrouble == nil, !boardUnconfirmed else { return }
        let resending = !live.unsent.isEmpty
        let events = resending ? live.unsent : live.hub.take(max: LiveFeeds.perTurn, timeout: 0)
        let now = WallTime.secondsSince1970()
        // Not while resending: the lines still queued in the hub behind those held would make
        // their feeds look silent.
        let tickDue = !resending && wall - live.lastTick >= 1
        guard !events.isEmpty || tickDue else { return }
        // The feeds' health counts each line once: restored with the board when a commit fails.
        let confirmedHealth = live.intake
        let sealed: Int
        do throws(AppError) {
            sealed = try commit { (intake: inout Intake) -> (entries: [SealedEntry], value: Int) in
                let sealed = live.intake.turn(events, tick: tickDue, into: &intake, wall: now)
                return (sealed, sealed.count)
            }
        } catch {
            // Without a watch nothing would ever read the board again: stop, as before.
            guard error.storeUnreachable, logWatch != nil else { throw error }
            live.intake = confirmedHealth
            live.unsent = events
            unconfirmBoard(wall: wall)
            return
        }
        live.unsent = []
        if tickDue { live.lastTick = wall }
        if sealed > 0 || !events.isEmpty || tickDue { invalidateRows() }
    }

    /// Closes the feeds and logs each that was up as down: this console no longer reads it;
    /// lines held through an outage are committed first. With the store out of reach there is
    /// nothing to log them in; the boards that follow it then see those feeds go stale.
    func stopFeeds() throws(AppError) {
        guard let live = liveFeeds else { return }
        live.hub.stop()
        liveFeeds = nil
        guard storeTrouble == nil, !boardUnconfirmed else {
            return noteUnlogged(live, why: storeTrouble ?? "the store is out of reach")
        }
        let now = WallTime.secondsSince1970()
        do throws(AppError) {
            _ = try commit { (intake: inout Intake) -> (entries: [SealedEntry], value: Void) in
                let held = live.intake.turn(live.unsent, tick: false, into: &intake, wall: now)
                return (held + live.intake.stop(into: &intake, wall: now, reason: "the console reading it was closed"), ())
            }
            live.unsent = []
        } catch {
            guard error.storeUnreachable else { throw error }
            noteUnlogged(live, why: error.message)
        }
    }

    /// Says, as the console closes, what the store could not be told.
    private func noteUnlogged(_ live: LiveFeeds, why: String) {
        let lines = live.unsent.filter { if case .line = $0.event { true } else { false } }.count
        let waiting = lines > 0 ? strings.pick("；\(lines) 行馈送未提交，需由来源重发", "; \(lines) feed lines taken were not committed — their source must resend them") : ""
        let text = strings.pick("馈送关闭未记入日志（存储不可达）", "the feeds' closing was not logged (the store is out of reach)")
        FileHandle.standardError.write(Data("watchfloor: \(text)\(waiting): \(why)\n".utf8))
    }
}
