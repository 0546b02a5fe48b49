import Foundation
import WatchfloorCore
import WatchfloorUI

/// Board commands typed at the `:` line: decided by the intake against the board as it is
/// now, logged with the operator, and answered only after their entries are committed.
extension Session {
    func runBoardCommand(_ line: String, wall: Double) throws(AppError) {
        guard storeTrouble == nil else { return refuseUnreachable(line) }
        // A suggestion is made on the latest board, including what others wrote; the command
        // itself is decided under the store's lock (`commit`).
        if let store {
            do throws(AppError) { try catchUp(store) } catch {
                guard error.storeUnreachable else { throw error }
                return refuseUnreachable(line)
            }
        }
        if role == .operator, suggestDispatch(line) { return }
        let at = commandTime(wall: wall)
        let (operatorID, role, jurisdiction) = (self.operatorID, self.role, self.jurisdiction)
        let confirmed = intake
        let outcome: CommandOutcome
        do throws(AppError) {
            outcome = try commit { (intake: inout Intake) -> (entries: [SealedEntry], value: CommandOutcome) in
                let outcome = intake.command(line, operator: operatorID, at: at, role: role, jurisdiction: jurisdiction)
                return (outcome.entries, outcome)
            }
        } catch {
            guard error.storeUnreachable else { throw error }
            return refuseUnconfirmed(line, restoring: confirmed)
        }
        try pipeline.flush()
        view.message = Message(outcome.accepted ? .accepted : .rejected, localized(outcome))
        invalidateRows()
    }

    /// `:dispatch INC` with no units: the run card's nearest available units are offered,
    /// and `y` dispatches them. Nothing is logged until the officer accepts.
    private func suggestDispatch(_ line: String) -> Bool {
        guard case .dispatch(let incident, let units, let note)? = try? CommandParser.parse(line), units.isEmpty,
              let found = intake.board.incident(incident) else { return false }
        let from = found.placement.countyCode.flatMap { reference.gazetteer.division(adcode: $0)?.centroid }
        let suggested = intake.board.recommendation(for: incident, from: from)
        guard !suggested.isEmpty else { return false }
        let listed = suggested.map { String(format: "%@ (%@, %.1f km)", $0.unit, $0.kind, $0.metres / 1000) }.joined(separator: ", ")
        pendingDispatch = "dispatch \(incident) " + suggested.map(\.unit).joined(separator: " ") + (note.map { " -- " + $0 } ?? "")
        view.message = Message(.info, strings.pick("建议为 \(incident) 派遣：", "suggested for \(incident): ") + listed + strings.pick("  — 按 y 派遣，其他键取消", "  — y dispatches them, any other key dismisses"))
        return true
    }

    /// The intake answers in English (the log's language); the officer reads the verdict in
    /// the interface's language, the command and the reason as they are.
    private func localized(_ outcome: CommandOutcome) -> String {
        let text = outcome.answer.drop { $0 != ":" }.dropFirst().drop { $0 == " " }
        return (outcome.accepted ? strings.accepted : strings.rejected) + text
    }

    /// When a command happens: the scenario's clock in training (so an after-action report
    /// measures in scenario time), the wall clock when live.
    func commandTime(wall: Double) -> Instant {
        let boardClock = intake.board.clock
        switch mode {
        case .live:
            let now = WallTime.now()
            return boardClock.map { max($0, now) } ?? now
        case .training:
            let scenario = replayClock.scenarioTime(wall: wall)
            guard let scenario, scenario.milliseconds != .max, !(tape?.ended ?? true) else {
                return boardClock ?? WallTime.now()
            }
            return boardClock.map { max($0, scenario) } ?? scenario
        }
    }

    /// Tab at the `:` line: board verbs and the incidents they can act on, view verbs too.
    /// One candidate is filled in; several fill their common start and are listed below.
    func complete(_ text: String) -> String {
        var candidates = CommandParser.complete(text, board: intake.board)
        if !text.contains(" ") {
            let word = text.hasPrefix(":") ? String(text.dropFirst()) : text
            candidates += Self.viewVerbs.filter { $0.hasPrefix(word.lowercased()) }.map { (text.hasPrefix(":") ? ":" : "") + $0 + " " }
        }
        guard !candidates.isEmpty else { return text }
        if candidates.count == 1 { return candidates[0] }
        let shown = candidates.prefix(12).map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init) ?? $0 }
        view.message = Message(.info, shown.joined(separator: "  ") + (candidates.count > 12 ? " …" : ""))
        let common = CommandParser.commonPrefix(candidates)
        return common.count > text.count ? common : text
    }
}
