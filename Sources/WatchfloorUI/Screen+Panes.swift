import WatchfloorCore

/// What the runtime does before drawing a frame, kept here so that `watchfloor run` and the
/// frame-cost benchmark build the same widgets and settle the selection the same way.
extension Screen {
    /// The widget drawn in each placed pane, with the options its layout gives it. The map is
    /// passed in because it keeps its caches across frames.
    public static func widgets(for panes: [PlacedPane], map: MapWidget) -> [Pane: any Widget] {
        var widgets: [Pane: any Widget] = [:]
        for placed in panes {
            switch placed.pane {
            case .board:
                let columns = placed.options.list("columns")?.compactMap(BoardColumn.init(rawValue:)) ?? BoardColumn.allCases
                widgets[.board] = BoardWidget(columns: columns)
            case .map:
                map.showsLegend = placed.options.flag("legend") ?? true
                widgets[.map] = map
            case .detail: widgets[.detail] = DetailWidget()
            case .feeds: widgets[.feeds] = FeedsWidget(compact: placed.options.flag("compact") ?? false)
            case .queue: widgets[.queue] = QueueWidget()
            }
        }
        return widgets
    }
}

extension ViewState {
    /// Keeps the selection on a row that is shown, and the board scrolled to it.
    public mutating func settleSelection(rows: [Int32], incidents: [Incident], panes: [PlacedPane]) {
        // The frame, the header row and the body: keep the selection inside the body.
        let visibleRows = panes.first { $0.pane == .board }.map { max(1, $0.rect.height - 3) } ?? 1
        var index = selectedIncident.flatMap { id in Self.row(of: id, rows: rows, incidents: incidents) }
        if index == nil, !rows.isEmpty {
            index = 0
            selectedIncident = incidents[Int(rows[0])].id
        }
        if rows.isEmpty { selectedIncident = nil }
        boardScroll = BoardWidget.scroll(selection: index, visibleRows: visibleRows, current: boardScroll, rowCount: rows.count)
    }

    /// Where incident `id` is among `rows`. Through a buffer, reading ids in place: indexing
    /// the array copies whole incidents, ten thousand of them a frame.
    public static func row(of id: String, rows: [Int32], incidents: [Incident]) -> Int? {
        incidents.withUnsafeBufferPointer { incidents in rows.firstIndex { incidents[Int($0)].id == id } }
    }
}
