import WatchfloorCore

/// The units out on incidents, placed onto the map's characters for one frame: where each one
/// is (its last reported position, else its station) and whether it is still on the way or
/// already there. Units at home, free or out of service are not drawn: the map is for what is
/// happening.
struct MapUnits {
    enum Mark: UInt8 {
        case none = 0
        /// Dispatched or en route.
        case moving
        /// On scene; wins over `moving` on a shared character.
        case onScene
    }

    private(set) var marks: [Mark] = []

    mutating func place(_ units: [String: Unit], layout: MapLayout) {
        let size = layout.map.width * layout.map.height
        if marks.count != size { marks = Array(repeating: .none, count: size) } else {
            marks.withUnsafeMutableBufferPointer { $0.update(repeating: .none) }
        }
        for unit in units.values where unit.incident != nil {
            let mark = Self.mark(unit.status)
            guard mark != .none, let p = unit.position ?? Self.station(of: unit),
                  let (x, y) = layout.character(of: p) else { continue }
            let k = y * layout.map.width + x
            if mark.rawValue > marks[k].rawValue { marks[k] = mark }
        }
    }

    static func mark(_ status: UnitStatus) -> Mark {
        switch status {
        case .dispatched, .enroute: .moving
        case .onscene: .onScene
        case .returning, .available, .outOfService: .none
        }
    }

    /// A unit first heard of from a feed has no known station (its home is 0, 0).
    private static func station(of unit: Unit) -> GeoPoint? {
        unit.home.lat == 0 && unit.home.lon == 0 ? nil : unit.home
    }

    static func glyph(_ mark: Mark) -> String {
        switch mark {
        case .moving: ">"
        case .onScene: "o"
        case .none: " "
        }
    }

    static let style = Style(.accent, bold: true)

    /// `glyph` as ready cells, built once: a frame draws many.
    static func cell(_ mark: Mark) -> Cell { cells[Int(mark.rawValue)] }
    private static let cells = [Mark.none, .moving, .onScene].map { Cell(text: glyph($0), style: style, width: 1) }
}
