import WatchfloorCore

/// The board's rows: the incidents the filter lets through, in the chosen order. The runtime
/// recomputes them only when the board, the filter or the sort changed, not every frame.
public enum BoardQuery {
    public static func rows(of board: Board, filter: BoardFilter, sort: BoardSort, gazetteer: Gazetteer) -> [Int32] {
        let grid = filter.cell.map { MapGrids.grid(zoomCity: $0.zoomCity, gazetteer: gazetteer) }
        var rows: [Int32] = []
        rows.reserveCapacity(board.incidents.count)
        for (i, incident) in board.incidents.enumerated() where matches(incident, board: board, filter: filter, grid: grid, gazetteer: gazetteer) {
            rows.append(Int32(i))
        }
        let incidents = board.incidents
        switch sort {
        case .level:
            rows.sort { a, b in
                let x = incidents[Int(a)], y = incidents[Int(b)]
                if x.level != y.level { return x.level < y.level }
                if x.lastReport != y.lastReport { return x.lastReport > y.lastReport }
                return a < b
            }
        case .recent:
            rows.sort { a, b in
                let x = incidents[Int(a)], y = incidents[Int(b)]
                if x.lastReport != y.lastReport { return x.lastReport > y.lastReport }
                return a < b
            }
        case .place:
            rows.sort { a, b in
                let x = incidents[Int(a)].placement.countyCode ?? "~", y = incidents[Int(b)].placement.countyCode ?? "~"
                if x != y { return x < y }
                let lx = incidents[Int(a)].level, ly = incidents[Int(b)].level
                return lx != ly ? lx < ly : a < b
            }
        }
        return rows
    }

    static func matches(_ incident: Incident, board: Board, filter: BoardFilter, grid: GridReference?, gazetteer: Gazetteer) -> Bool {
        if !filter.includeClosed && !incident.isOpen { return false }
        if !filter.levels.isEmpty && !filter.levels.contains(incident.level) { return false }
        if !filter.categories.isEmpty && !filter.categories.contains(incident.category) { return false }
        if !filter.agencies.isEmpty {
            let agencies = incident.reports.compactMap { board.reports[$0]?.agency }
            if !agencies.contains(where: filter.agencies.contains) { return false }
        }
        if !filter.places.isEmpty {
            let code = incident.placement.countyCode ?? incident.placement.cityCode ?? ""
            if !filter.places.contains(where: { code.hasPrefix($0) }) { return false }
        }
        if let wanted = filter.cell, let grid {
            guard let p = incident.location, grid.cell(of: p) == wanted.cell else { return false }
        }
        if !filter.words.isEmpty {
            let place = gazetteer.displayName(of: incident.placement) ?? ""
            for word in filter.words where !incident.title.localizedCaseInsensitiveContains(word)
                && !place.contains(word) && incident.id != word.uppercased() && incident.category.rawValue != word {
                return false
            }
        }
        return true
    }
}

/// The map grid at a zoom: the province's, or a city's.
public enum MapGrids {
    public static func grid(zoomCity: String?, gazetteer: Gazetteer) -> GridReference {
        if let zoomCity, let city = gazetteer.division(adcode: zoomCity) {
            return GridReference(zoomedTo: city)
        }
        return GridReference(zoomedTo: gazetteer.province)
    }
}
