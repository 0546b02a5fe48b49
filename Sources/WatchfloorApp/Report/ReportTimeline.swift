import WatchfloorCore
import WatchfloorUI

/// The run drawn as plain text: one row per incident across the scenario's span, marking
/// when it opened, was acknowledged and had its first unit sent, and when those were due.
/// Only ASCII is drawn on the track, so it lines up in any terminal; titles are cut by
/// display width.
enum ReportTimeline {
    /// Minutes a column may stand for: the smallest that fits the span is used.
    static let steps = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 360, 720, 1440]
    /// Minutes between time labels on the axis.
    static let labelIntervals = [10, 15, 30, 60, 120, 180, 360, 720, 1440]
    /// `  SD-0004 北园大街历山…` before the track, the verdict after it.
    static let labelWidth = 22, verdictWidth = 8

    /// What one row shows: its label, the moments to mark and the verdict on the right.
    struct Row {
        var label: String
        var opened: Instant?
        /// When waiting for a unit began: the opening, or the report an expectation is timed from.
        var waitingFrom: Instant?
        var acknowledged: Instant?
        var dispatched: Instant?
        /// When waiting for a unit stopped without one: the incident closed, or the run ended.
        var waitingEnds: Instant?
        var acknowledgeDue: Instant?
        var dispatchDue: Instant?
        var acknowledgeMissed = false
        var dispatchMissed = false
        var verdict = ""
    }

    static func lines(_ report: AfterActionReport, width: Int) -> [String] {
        guard let start = report.start, let end = report.end else { return [] }
        let track = width - labelWidth - 2 - verdictWidth
        let step = steps.first { columns(start, end, $0) <= track } ?? steps.last!
        let origin = minute(start) / step * step
        let count = (minute(end) - origin) / step + 1
        let interval = labelIntervals.first { $0 % step == 0 && $0 / step >= 8 } ?? step * 8
        let ticks = (0..<count).filter { (origin + $0 * step) % interval == 0 }

        var out = [
            "Timeline, one column = \(DurationText.of(Int64(step) * 60_000)): o opened, a acknowledged, d first unit sent,",
            "  - waiting for a unit, : acknowledgement due, | dispatch due, ! due, not done",
        ]
        var axis = [Character](repeating: " ", count: count + 5)
        for c in ticks where c + 5 <= axis.count {
            let label = hhmm(origin + c * step)
            for (i, ch) in label.enumerated() { axis[c + i] = ch }
        }
        out.append(String(repeating: " ", count: labelWidth + 1) + String(axis))
        for row in rows(report, end: end) {
            var cells = [Character](repeating: " ", count: count)
            for c in ticks { cells[c] = "." }
            func column(_ t: Instant) -> Int { min(max((minute(t) - origin) / step, 0), count - 1) }
            func mark(_ t: Instant?, _ ch: Character) { if let t { cells[column(t)] = ch } }
            if let waiting = row.waitingFrom, let until = row.dispatched ?? row.waitingEnds {
                let from = column(waiting), to = column(until)
                if from < to { for c in from..<to { cells[c] = "-" } }
            }
            mark(row.acknowledgeDue, row.acknowledgeMissed ? "!" : ":")
            mark(row.dispatchDue, row.dispatchMissed ? "!" : "|")
            mark(row.opened, "o")
            mark(row.acknowledged, "a")
            mark(row.dispatched, "d")
            out.append(DisplayWidth.fit(row.label, to: labelWidth) + " " + String(cells) + " " + row.verdict)
        }
        return out
    }

    /// One row per expectation, then one per other incident; in the order they opened, the
    /// expectations whose report never came last.
    static func rows(_ report: AfterActionReport, end: Instant) -> [Row] {
        var rows: [(Instant?, Row)] = []
        for outcome in report.expected {
            let e = outcome.expectation
            var row = Row(label: label(outcome.incident?.incident ?? "—", e.title ?? outcome.incident?.title ?? e.report))
            row.verdict = outcome.verdict.rawValue
            if let t = outcome.incident, let started = outcome.started {
                fill(&row, t, end: end)
                row.acknowledged = outcome.acknowledged
                row.dispatched = outcome.firstDispatch
                row.waitingFrom = started
                row.acknowledgeDue = e.acknowledgeWithin.map { started.adding(seconds: $0) }
                row.dispatchDue = e.dispatchWithin.map { started.adding(seconds: $0) }
                row.acknowledgeMissed = outcome.acknowledge == .notDone || outcome.acknowledge == .late
                row.dispatchMissed = outcome.dispatch == .notDone || outcome.dispatch == .late
            }
            rows.append((outcome.incident?.opened, row))
        }
        for t in report.others {
            var row = Row(label: label(t.incident, t.title))
            fill(&row, t, end: end)
            rows.append((t.opened, row))
        }
        return rows.enumerated()
            .sorted { a, b in
                switch (a.element.0, b.element.0) {
                case let (x?, y?): (x, a.offset) < (y, b.offset)
                case (nil, nil): a.offset < b.offset
                case (nil, _): false
                case (_, nil): true
                }
            }
            .map(\.element.1)
    }

    static func fill(_ row: inout Row, _ t: IncidentTimes, end: Instant) {
        row.opened = t.opened
        row.waitingFrom = t.opened
        row.acknowledged = t.acknowledged
        row.dispatched = t.firstDispatch
        row.waitingEnds = t.closed.map { min($0, end) } ?? end
    }

    static func label(_ incident: String, _ title: String) -> String {
        "  " + DisplayWidth.fit(incident, to: 8) + DisplayWidth.truncate(title, to: labelWidth - 10)
    }

    static func columns(_ start: Instant, _ end: Instant, _ step: Int) -> Int {
        (minute(end) - minute(start) / step * step) / step + 1
    }

    /// Minutes since the epoch on the command centre's clock (+08:00), so that labels fall on
    /// round local times.
    static func minute(_ t: Instant) -> Int {
        Int((t.milliseconds + 8 * 3_600_000) / 60_000)
    }

    static func hhmm(_ minute: Int) -> String {
        let m = minute % 1440
        return (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }
}
