import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorUI

/// One console's state while `watchfloor run` is open: the intake (board and chain), the
/// replay being played, the feeds' activity and the officer's view. Everything happens on
/// the main thread, commits included (`Session+Commit`); only printing the log to stdout runs
/// on the pipeline's thread.
final class Session {
    enum Mode { case live, training }

    let reference: Reference
    let strings: Strings
    let operatorID: String
    let mode: Mode
    var intake: Intake
    let pipeline: CommitPipeline
    var tape: ReplayTape?
    var replayClock: ReplayClock
    var activity = AgencyActivity()
    var view = ViewState()
    var filterText: String?
    var history = CommandHistory()
    var layouts: LayoutChoice
    /// One map for the session: it keeps the rasterised boundaries between frames.
    let map = MapWidget()
    /// The board's rows for the current filter and sort; nil when they must be recomputed.
    private var cachedRows: [Int32]?
    /// Set when something on screen changed since the last frame.
    var dirty = true
    var quitting = false
    /// The store: committed to under its write lock, and read again to follow other writers.
    var store: (any DispatchStore)?
    /// Says when others committed to the store, and when it cannot be reached (`Session+Follow`).
    var logWatch: (any LogWatch)?
    /// Following: a read of the others' entries is owed, and the earliest wall time to try it.
    var catchUpOwed = false
    var nextCatchUp = -Double.infinity
    /// Why the last read of the store failed, while the watch still reaches it.
    var readTrouble: String?
    /// Why the store cannot be reached now; the status bar says so while it is set.
    var storeTrouble: String?
    /// A commit of feed or replay lines broke off with the connection, so the board may show
    /// what the store never took: it is read again whole before anything more is folded.
    var boardUnconfirmed = false
    /// An observer's commands are refused (and logged).
    var role = Role.operator
    /// A dispatch suggested by `:dispatch INC`, waiting for `y`.
    var pendingDispatch: String?
    /// Feeds this console reads itself (`run --feed`).
    var liveFeeds: LiveFeeds?
    /// A console scoped to a city or county (`--jurisdiction`): it sees and acts only there.
    var jurisdiction: Jurisdiction?
    /// Whether stdout carries the log (it is not the terminal): a rewind would break its chain.
    var printsLog = false
    /// The scenario second last drawn in the status bar, so the clock is redrawn as it runs.
    var shownSecond: Int64?
    /// `q` pressed once on a live board: the next `q` quits.
    var confirmingQuit = false

    init(reference: Reference, intake: Intake, pipeline: CommitPipeline, tape: ReplayTape?, speed: Double?, mode: Mode, strings: Strings, operatorID: String, layouts: LayoutChoice) {
        self.reference = reference
        self.intake = intake
        self.pipeline = pipeline
        self.tape = tape
        self.replayClock = ReplayClock(speed: speed)
        self.mode = mode
        self.strings = strings
        self.operatorID = operatorID
        self.layouts = layouts
        // The map's cursor starts over the middle of the province, not on the sea at A1.
        let province = reference.gazetteer.province
        if let middle = GridReference(zoomedTo: province).cell(of: province.centroid) { view.map.cursor = middle }
    }

    // MARK: - Feeds

    /// Plays the replay's lines that are due, for at most `budget` seconds so that keys and
    /// frames are never starved, and hands what they sealed to the commit thread. While a
    /// shared store is out of reach the lines wait, and the exercise catches up once it is back.
    func advance(wall: Double, budget: Double = 0.02) throws(AppError) {
        guard let tape, !tape.ended else { return }
        if !replayClock.started, let first = tape.firstTime { replayClock.start(at: first, wall: wall) }
        guard let now = replayClock.scenarioTime(wall: wall), storeTrouble == nil, !boardUnconfirmed else { return }
        // The tape moves on only when its lines are committed (`play`); what the feeds pane
        // counted goes back with the board when they are not.
        let heard = activity
        do throws(AppError) {
            try play(until: now, deadline: wall + budget)
        } catch {
            // Without a watch (`run --headless`) nothing would ever read the board again.
            guard error.storeUnreachable, logWatch != nil else { throw error }
            activity = heard
            unconfirmBoard(wall: wall)
        }
    }

    /// Folds and commits the tape's lines due by scenario time `now`, in one transaction,
    /// until `deadline` (wall seconds) passes.
    func play(until now: Instant, deadline: Double) throws(AppError) {
        guard var tape else { return }
        // Nothing due: no transaction.
        let due = tape.nextTime.map { $0 <= now } ?? false
        let sealed = !due ? 0 : try commit { (intake: inout Intake) -> (entries: [SealedEntry], value: Int) in
            var sealed: [SealedEntry] = []
            var count = 0
            while let line = tape.take(dueBy: now) {
                let entries = line.bytes.withBytes { b in
                    line.oversized
                        ? [intake.rejectOversized(start: b, at: line.position, limit: LineReader.maxLineBytes)]
                        : intake.ingest(b, at: line.position)
                }
                note(entries)
                sealed.append(contentsOf: entries)
                count += 1
                if count % 64 == 0 && SystemClock().now() > deadline { break }
            }
            return (sealed, sealed.count)
        }
        if tape.ended { activity.ended = true }
        self.tape = tape
        if sealed > 0 || tape.ended {
            dirty = true
            cachedRows = nil
        }
    }

    /// Seconds until the next replay line is due (nil: nothing is scheduled, or the lines wait
    /// for the store to be back, which the store's watch says).
    func secondsUntilNextLine(wall: Double) -> Double? {
        guard let next = tape?.nextTime, storeTrouble == nil, !boardUnconfirmed else { return nil }
        return replayClock.wait(until: next, wall: wall)
    }

    /// Counts what the feeds sent, for the feeds pane.
    private func note(_ entries: [SealedEntry]) {
        for e in entries {
            switch e.entry.event {
            case let .reportAccepted(_, _, message, _):
                if let envelope = message.envelope { activity.accepted(envelope.agency, at: envelope.time) }
            case .reportRejected(let r):
                if let agency = AgencyActivity.agency(inRejectedLine: r.head) { activity.rejected(agency) }
            default:
                break
            }
        }
    }

    // MARK: - What the screen shows

    var rows: [Int32] {
        if let cachedRows { return cachedRows }
        var rows = BoardQuery.rows(of: intake.board, filter: view.filter, sort: view.sort, gazetteer: reference.gazetteer)
        if let jurisdiction {
            let incidents = intake.board.incidents
            rows.removeAll { !jurisdiction.covers(incidents[Int($0)].placement) }
        }
        cachedRows = rows
        return rows
    }

    /// The rows changed meaning (filter, sort): recompute them before the next frame.
    func invalidateRows() {
        cachedRows = nil
        dirty = true
    }

    var screenMode: ScreenModel.Mode {
        switch mode {
        case .live: .live
        case .training: .training(speed: replayClock.speed, paused: replayClock.paused, ended: tape?.ended ?? true)
        }
    }

    /// Keeps the selection on a row that is shown, and the board scrolled to it.
    func settleSelection(panes: [PlacedPane]) {
        view.settleSelection(rows: rows, incidents: intake.board.incidents, panes: panes)
    }

    func model() -> ScreenModel {
        var m = ScreenModel(
            board: intake.board, gazetteer: reference.gazetteer, rows: rows, feeds: feeds, mode: screenMode,
            operatorID: role == .observer ? operatorID + strings.pick("（观察席）", " (observer)") : operatorID,
            strings: strings, view: view
        )
        m.filterText = filterText
        m.clock = screenNow(wall: SystemClock().now())
        m.jurisdiction = jurisdiction
        m.storeTrouble = storeTrouble
        m.jurisdictionName = jurisdiction.map { j in
            reference.gazetteer.division(adcode: j.prefix.padding(toLength: 6, withPad: "0", startingAt: 0))?.name ?? j.prefix
        }
        return m
    }
}
