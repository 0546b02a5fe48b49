import WatchfloorCore
import WatchfloorUI

/// The board as text for a terminal: what `board` prints and what `make run` shows until the
/// screen exists. Columns are aligned by display width, so Chinese text lines up.
public enum BoardSummary {
    public static func text(_ board: Board, reference: Reference, limit: Int = 40) -> String {
        var out = ""
        let open = board.openIncidents
        let clock = board.clock.map { $0.rfc3339.prefix(19).replacingOccurrences(of: "T", with: " ") } ?? "—"
        out += "Watchfloor board at \(clock) (+08:00)\n"
        let byLevel = Level.allCases.map { level in "\(level.rawValue) \(open.filter { $0.level == level }.count)" }
        let closed = board.incidents.filter { $0.status == .closed }.count
        let merged = board.incidents.filter { $0.status == .merged }.count
        out += "Incidents: \(open.count) open [\(byLevel.joined(separator: ", "))], \(closed) closed, \(merged) merged · "
        out += "reports \(board.reports.count) · rejected \(board.rejectedCount) · duplicates \(board.duplicateCount)\n"
        let warnings = board.warningOrder.compactMap { board.warnings[$0] }
        out += "Warnings: \(board.activeWarnings.count) in force, \(warnings.count) issued\n"
        for w in warnings {
            let until = w.expires.map { " until " + $0.rfc3339.prefix(16).replacingOccurrences(of: "T", with: " ") } ?? ""
            let status = DisplayWidth.fit(w.status.rawValue, to: 10)
            out += "  \(status) [\(w.level.rawValue) \(w.level.colourName)] \(w.headline) — \(w.areaDescription)\(until)\n"
        }
        out += "\n"
        let columns: [(String, Int)] = [("ID", 8), ("LVL", 4), ("CATEGORY", 12), ("TITLE", 34), ("PLACE", 18), ("AGENCIES", 17), ("STATUS", 14), ("REP", 3)]
        out += columns.map { DisplayWidth.fit($0.0, to: $0.1) }.joined(separator: " ") + "\n"
        let shown = open.sorted { ($0.level, $1.lastReport) < ($1.level, $0.lastReport) }.prefix(limit)
        for incident in shown {
            let agencies = Set(incident.reports.compactMap { board.reports[$0]?.agency })
            let agencyText = Agency.allCases.filter { agencies.contains($0) }.map(\.chineseName).joined(separator: " ")
            let place = reference.gazetteer.displayName(of: incident.placement) ?? (incident.placement.insideProvince ? "—" : "outside province")
            let status = incident.warnings.isEmpty ? incident.status.rawValue : incident.status.rawValue + " (warning)"
            let cells = [
                incident.id, incident.level.rawValue, incident.category.chineseName, incident.title, place, agencyText,
                status, String(incident.reports.count),
            ]
            out += zip(cells, columns).map { DisplayWidth.fit($0, to: $1.1) }.joined(separator: " ") + "\n"
        }
        if open.count > shown.count { out += "… and \(open.count - shown.count) more open incidents (board --json lists them all)\n" }
        return out
    }
}
