import WatchfloorCore

/// The board's rows: the incidents the filter lets through, in the chosen order. The runtime
/// recomputes them only when the board, the filter or the sort changed, not every frame.
public enum BoardQuery {
    public static func rows(of board: Board, filter: BoardFilter, sort: BoardSort, gazetteer: Gazetteer) -> [Int32] {
        let grid = filter.cell.map { MapGrids.grid(zoomCity: $0.zoomCity, gazetteer: gazetteer) }
        // Through a buffer and on small keys: indexing the array copies a whole incident (title,
        // report lists...), and a sort of ten thousand rows compares some 130,000 times.
        return board.incidents.withUnsafeBufferPointer { incidents in
            var keys: [SortKey] = []
            keys.reserveCapacity(incidents.count)
            // Kept out of the keys so that they hold no references and sort by plain moves.
            var places: [String] = []
            // With no filter (the usual board) only the status is read: handing an incident to
            // `matches` copies it.
            let onlyOpen = filter.isEmpty
            for i in incidents.indices {
                if onlyOpen {
                    guard MapMarks.isOpen(incidents[i].status) else { continue }
                } else if !matches(incidents[i], board: board, filter: filter, grid: grid, gazetteer: gazetteer) {
                    continue
                }
                let rank = UInt8(incidents[i].level.rank)
                switch sort {
                case .level: keys.append(SortKey(row: Int32(i), rank: rank, newest: incidents[i].lastReport.milliseconds))
                case .recent: keys.append(SortKey(row: Int32(i), rank: 0, newest: incidents[i].lastReport.milliseconds))
                case .place:
                    keys.append(SortKey(row: Int32(i), rank: rank, newest: 0, place: Int32(places.count)))
                    places.append(incidents[i].placement.countyCode ?? "~")
                }
            }
            switch sort {
            case .level, .recent:
                // Gravest first (all equal for `recent`), then newest report first.
                keys.sort { a, b in
                    if a.rank != b.rank { return a.rank < b.rank }
                    if a.newest != b.newest { return a.newest > b.newest }
                    return a.row < b.row
                }
            case .place:
                keys.sort { a, b in
                    let x = places[Int(a.place)], y = places[Int(b.place)]
                    if x != y { return x < y }
                    return a.rank != b.rank ? a.rank < b.rank : a.row < b.row
                }
            }
            return keys.map(\.row)
        }
    }

    /// What the sorts compare, copied out of an incident once.
    private struct SortKey {
        var row: Int32
        /// `Level.rank`: 1 is the gravest.
        var rank: UInt8
        /// The newest report, in milliseconds.
        var newest: Int64
        /// Index of the county code in `places`, for the `place` sort.
        var place: Int32 = 0
    }

    static func matches(_ incident: Incident, board: Board, filter: BoardFilter, grid: GridReference?, gazetteer: Gazetteer) -> Bool {
        if !filter.includeClosed && !MapMarks.isOpen(incident.status) { return false }
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
