import WatchfloorCore
import WatchfloorUI

/// The after-action report as a trainee reads it: in 80 columns, titles cut by display width
/// (CJK is two columns wide), times on the scenario's clock.
public enum ReportText {
    static let width = 80

    public static func text(_ report: AfterActionReport) -> String {
        var out = header(report)
        if report.expectationLines.isEmpty {
            out.append("Expectations: none in this log; the report gives times only")
        } else {
            out.append("Expectations: \(report.expected.count), from "
                       + report.expectationLines.map(\.description).joined(separator: ", "))
            out.append("")
            out.append("Expected responses")
            out.append(row(["INCIDENT", "TITLE", "OPENED", "ACK/DUE", "DISPATCH/DUE", "VERDICT"]))
            for outcome in report.expected { out += lines(outcome) }
        }
        out.append("")
        out.append(report.expectationLines.isEmpty ? "Incidents" : "Other incidents (no expectation)")
        if report.others.isEmpty {
            out.append("  none")
        } else {
            out.append(row(["INCIDENT", "TITLE", "OPENED", "ACK", "DISPATCH"]))
            for times in report.others { out += lines(times) }
        }
        out.append("")
        out += totals(report.totals)
        out.append("")
        out += ReportTimeline.lines(report, width: width)
        return out.map { trimmed($0) }.joined(separator: "\n") + "\n"
    }

    static func header(_ report: AfterActionReport) -> [String] {
        var out = ["After-action report"]
        if let start = report.start, let end = report.end {
            let from = String(start.rfc3339.prefix(10)), to = String(end.rfc3339.prefix(10))
            let until = from == to ? end.clockTime : to + " " + end.clockTime
            let length = DurationText.of(end.milliseconds - start.milliseconds)
            out.append("Training run \(from) \(start.clockTime) to \(until) (\(length) of scenario time)")
        }
        let operators = report.operators.map { op in
            "\(op.id) (\(op.accepted) command\(op.accepted == 1 ? "" : "s")" + (op.refused > 0 ? ", \(op.refused) refused)" : ")")
        }
        out += wrap("Operators: " + (operators.isEmpty ? "none gave a command" : operators.joined(separator: ", ")))
        return out
    }

    /// An expected response: its row, then what was sent and, unless met, why not.
    static func lines(_ outcome: ExpectedOutcome) -> [String] {
        let e = outcome.expectation
        let title = e.title ?? outcome.incident?.title ?? e.report
        guard let t = outcome.incident, let started = outcome.started else {
            return [row(["—", title, "never", "", "", outcome.verdict.rawValue])]
                + wrap("why: " + outcome.reasons.joined(separator: "; "), indent: 11)
                + wrap("report: " + e.report, indent: 11)
        }
        var out = [row([
            t.incident, title, started.clockTime,
            took(outcome.acknowledgeMilliseconds, due: e.acknowledgeWithin),
            took(outcome.dispatchMilliseconds, due: e.dispatchWithin),
            outcome.verdict.rawValue,
        ])]
        if e.from == .report {
            out += wrap("timed from its report at \(started.clockTime); \(t.incident) opened \(t.opened.clockTime)", indent: 11)
        }
        var units = "sent: " + sent(outcome.sent)
        if !e.unitKinds.isEmpty {
            units += "; expected: " + e.unitKinds.joined(separator: ", ")
            if !outcome.missingKinds.isEmpty { units += "; missing: " + outcome.missingKinds.joined(separator: ", ") }
        }
        out += wrap(units, indent: 11)
        if !outcome.reasons.isEmpty { out += wrap("why: " + outcome.reasons.joined(separator: "; "), indent: 11) }
        return out
    }

    /// An incident no expectation names: its times, and what was sent if anything.
    static func lines(_ t: IncidentTimes) -> [String] {
        var out = [row([t.incident, t.title, t.opened.clockTime, took(t.acknowledgeMilliseconds, due: nil),
                        took(t.dispatchMilliseconds, due: nil)])]
        if !t.sent.isEmpty { out += wrap("sent: " + sent(t.sent), indent: 11) }
        if !t.merged.isEmpty { out += wrap("merged in: " + t.merged.joined(separator: ", "), indent: 11) }
        return out
    }

    static func totals(_ t: AfterActionReport.Totals) -> [String] {
        var out = ["Totals"]
        if t.expected > 0 {
            out.append("  expected \(t.expected): met \(t.met), late \(t.late), missed \(t.missed), unjudged \(t.unjudged)")
        }
        out.append("  incidents \(t.incidents): acknowledged \(t.acknowledged), dispatched \(t.dispatched)")
        out.append("  median time to acknowledge " + (t.medianAcknowledgeMilliseconds.map(DurationText.of) ?? "—")
                   + ", to first dispatch " + (t.medianDispatchMilliseconds.map(DurationText.of) ?? "—"))
        return out
    }

    /// `1m45s/3m`: how long it took against the time allowed; `—` when it was never done.
    static func took(_ milliseconds: Int64?, due: Double?) -> String {
        let done = milliseconds.map(DurationText.of) ?? "—"
        guard let due else { return done }
        return done + "/" + DurationText.of(Int64(due * 1000))
    }

    /// The kinds sent, with a count when more than one unit of a kind went: `engine×2, rescue`.
    static func sent(_ units: [SentUnit]) -> String {
        guard !units.isEmpty else { return "nothing" }
        return units.kinds.map { kind in
            let n = units.filter { ($0.kind ?? $0.unit) == kind }.count
            return n > 1 ? "\(kind)×\(n)" : kind
        }.joined(separator: ", ")
    }

    /// A table row: incident, title, opened, acknowledgement, dispatch, verdict, in fixed
    /// display columns that add up to 80 at most.
    static func row(_ cells: [String]) -> String {
        let widths = [8, 24, 9, 12, 12, 8]
        var line = "  "
        for (cell, w) in zip(cells, widths) { line += DisplayWidth.fit(cell, to: w) + " " }
        return line
    }

    /// Words wrapped to 80 columns, every line after the first (or all, with `indent`) indented.
    static func wrap(_ text: String, indent: Int = 0) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = pad
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line == pad ? line + word : line + " " + word
            if DisplayWidth.of(candidate) > width, line != pad {
                lines.append(line)
                line = String(repeating: " ", count: max(indent, 2) + 2) + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines.map { DisplayWidth.truncate($0, to: width) }
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
