import WatchfloorCore

/// The incident board: one row per incident — level, category, title, place with its grid
/// reference, reporting agencies, status, age, and its units with the furthest one's state —
/// in the filtered, sorted order of `model.rows`, the selected one highlighted.
public struct BoardWidget: Widget {
    public var columns: [BoardColumn]

    public init(columns: [BoardColumn] = BoardColumn.allCases) {
        self.columns = columns.isEmpty ? BoardColumn.allCases : columns
    }

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let focused = model.view.focus == .board
        let title = "1 " + s.boardTitle + " " + s.boardCount(shown: model.rows.count, total: OpenCounts(model.board.incidents, within: model.jurisdiction).total)
        let inside = canvas.box(rect, title: title, style: focused ? .accent : .muted)
        guard inside.height >= 1, inside.width >= 4 else { return }
        let fitted = BoardColumn.fitting(columns, width: inside.width, strings: s)
        drawHeader(fitted, in: inside.row(0), strings: s, on: &canvas)
        let body = inside.splitTop(1).rest
        guard !model.rows.isEmpty else {
            let text = model.view.filter.isEmpty ? s.boardEmpty : s.boardFilteredEmpty
            canvas.line(text, in: body.row(0), style: .muted)
            return
        }
        let scroll = min(model.view.boardScroll, max(0, model.rows.count - body.height))
        let grid = MapGrids.grid(zoomCity: nil, gazetteer: model.gazetteer)
        for line in 0..<body.height {
            let index = scroll + line
            guard index < model.rows.count else { break }
            let incident = model.board.incidents[Int(model.rows[index])]
            let selected = incident.id == model.view.selectedIncident
            drawRow(incident, fitted, in: body.row(line), model: model, grid: grid, selected: selected, focused: focused, on: &canvas)
        }
    }

    /// The first row to show so that the selection stays visible, scrolling as little as
    /// possible from `current`.
    public static func scroll(selection: Int?, visibleRows: Int, current: Int, rowCount: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var first = min(current, max(0, rowCount - visibleRows))
        if let selection {
            if selection < first { first = selection }
            if selection >= first + visibleRows { first = selection - visibleRows + 1 }
        }
        return max(0, first)
    }

    private func drawHeader(_ fitted: [(BoardColumn, Int)], in rect: Rect, strings s: Strings, on canvas: inout Canvas) {
        var x = rect.x
        for (column, width) in fitted {
            let name: String = switch column {
            case .level: s.columnLevel
            case .category: s.columnCategory
            case .title: s.columnTitle
            case .place: s.columnPlace
            case .grid: s.columnGrid
            case .agencies: s.columnAgencies
            case .status: s.columnStatus
            case .age: s.columnAge
            case .units: s.columnUnits
            }
            canvas.put(DisplayWidth.fit(name, to: width), x: x, y: rect.y, style: Style(.muted, bold: true))
            x += width + 1
        }
    }

    private func drawRow(_ incident: Incident, _ fitted: [(BoardColumn, Int)], in rect: Rect, model: ScreenModel, grid: GridReference, selected: Bool, focused: Bool, on canvas: inout Canvas) {
        let s = model.strings
        let base = Style(incident.isOpen ? .normal : .muted, reverse: selected && focused, underline: selected && !focused)
        canvas.fill(rect, style: base)
        var x = rect.x
        for (column, width) in fitted {
            var style = base
            let text: String
            switch column {
            case .level:
                text = LevelMark.numeral(incident.level)
                let mark = LevelMark.style(incident.level)
                style.role = mark.role
                style.bold = mark.bold
            case .category:
                text = s.category(incident.category)
            case .title:
                text = InertText.clean(incident.title)
            case .place:
                text = InertText.clean(model.gazetteer.displayName(of: incident.placement) ?? "—")
            case .grid:
                text = incident.location.flatMap { grid.cell(of: $0) }?.description ?? "—"
            case .agencies:
                var seen: [Agency] = []
                for key in incident.reports {
                    if let agency = model.board.reports[key]?.agency, !seen.contains(agency) { seen.append(agency) }
                }
                text = seen.sorted { $0.rawValue < $1.rawValue }.map(s.agencyMark).joined()
            case .status:
                text = s.status(incident.status)
                if incident.status == .new {
                    style.bold = true
                    style.role = .accent
                }
            case .age:
                let now = model.clock ?? model.board.clock ?? incident.opened
                text = s.age(seconds: now.seconds(since: incident.opened))
                if !selected { style.role = .muted }
            case .units:
                text = AssignedUnits(incident, units: model.board.units).map(s.unitsCell) ?? ""
            }
            canvas.put(DisplayWidth.fit(text, to: width), x: x, y: rect.y, style: style, limit: width)
            x += width + 1
        }
    }
}
