import WatchfloorCore

/// The detail of one incident as styled lines, before they are cut to the pane: a header,
/// place and status, its reports in time order with their agencies and merge reasons, the
/// warnings covering it, its units and notes. Feed text is made inert here.
struct DetailLines {
    typealias Line = (text: String, style: Style)

    static func of(_ incident: Incident, model: ScreenModel) -> [Line] {
        let s = model.strings
        let board = model.board
        var lines: [Line] = []
        let head = "\(incident.id)  \(incident.level.rawValue) \(s.level(incident.level))  \(s.category(incident.category))"
        lines.append((head, LevelMark.style(incident.level)))
        lines.append((InertText.clean(incident.title), Style(bold: true)))
        let grid = MapGrids.grid(zoomCity: nil, gazetteer: model.gazetteer)
        var place = model.gazetteer.displayName(of: incident.placement) ?? "—"
        if let p = incident.location {
            place += "  " + (grid.cell(of: p)?.description ?? "")
            place += String(format: "  %.4f, %.4f", p.lat, p.lon)
        }
        if !incident.placement.insideProvince { place += s.pick("  （省外）", "  (outside the province)") }
        lines.append((s.detailPlace + s.colon + InertText.clean(place), .plain))
        var status = s.detailStatus + s.colon + s.status(incident.status)
        if let into = incident.mergedInto { status += " → \(into)" }
        status += "   " + s.detailOpened + s.colon + incident.opened.clockTime
        lines.append((status, .plain))
        // Notes are what the floor has decided about the incident: read them first.
        if !incident.notes.isEmpty {
            lines.append((s.detailNotes, .accent))
            for note in incident.notes { lines.append(("  " + InertText.clean(note), .plain)) }
        }

        // What is being done about it comes before how it was reported.
        lines.append((s.detailUnits, .accent))
        if incident.units.isEmpty { lines.append(("  " + s.detailNone, .muted)) }
        for id in incident.units {
            let unit = board.units[id]
            var line = "  " + id
            // The state before the name: a long name is cut, the state never.
            if let unit {
                line += " " + s.pick(unit.status.chineseName, unit.status.rawValue)
                if unit.name != id { line += " " + InertText.clean(unit.name) }
            }
            lines.append((line, .plain))
        }

        lines.append((s.detailWarnings, .accent))
        let warnings = incident.warnings.compactMap { board.warnings[$0] }
        if warnings.isEmpty { lines.append(("  " + s.detailNone, .muted)) }
        for w in warnings {
            lines.append(("  \(w.level.rawValue) \(InertText.clean(w.headline))", LevelMark.style(w.level)))
        }

        lines.append(("", .plain))
        lines.append((s.detailReports + " (\(incident.reports.count))", .accent))
        let reasons = Dictionary(incident.merges.map { ($0.report, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let reports = incident.reports.compactMap { board.reports[$0] }.sorted { ($0.time, $0.key) < ($1.time, $1.key) }
        for report in reports {
            var line = "\(report.time.clockTime) \(s.agency(report.agency)) \(InertText.clean(report.title))"
            if report.withdrawn { line += " [\(s.detailWithdrawn)]" }
            lines.append((line, report.withdrawn ? .muted : .plain))
            var second = "  \(report.key.id)"
            if let reporter = report.reporter { second += " · " + InertText.clean(reporter) }
            if let reason = reasons[report.key] { second += " · " + s.mergeReason(reason) }
            lines.append((second, .muted))
        }

        return lines
    }
}
