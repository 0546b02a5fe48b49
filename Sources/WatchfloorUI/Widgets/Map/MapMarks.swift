import WatchfloorCore

/// The open incidents counted onto the map's characters for one frame: how many fall on each
/// character and the gravest level among them. The buffers are kept between frames so that a
/// frame allocates nothing.
struct MapMarks {
    private(set) var width = 0
    /// Map-relative, `y * width + x`.
    private(set) var count: [UInt32] = []
    /// `Level.rank` of the gravest incident on the character; meaningless where `count` is 0.
    private(set) var gravest: [UInt8] = []

    mutating func tally(_ incidents: [Incident], layout: MapLayout, within jurisdiction: Jurisdiction? = nil) {
        let size = layout.map.width * layout.map.height
        width = layout.map.width
        if count.count != size {
            count = Array(repeating: 0, count: size)
            gravest = Array(repeating: 0, count: size)
        } else {
            count.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        // Through a buffer, reading stored fields in place: indexing the array, or asking an
        // incident for a computed property, copies the whole incident (title, report lists...),
        // which with ten thousand incidents costs more than all the rest of a frame.
        let width = width
        count.withUnsafeMutableBufferPointer { count in
            gravest.withUnsafeMutableBufferPointer { gravest in
                incidents.withUnsafeBufferPointer { incidents in
                    for i in incidents.indices where Self.isOpen(incidents[i].status) {
                        if let jurisdiction, !jurisdiction.covers(incidents[i].placement) { continue }
                        guard let p = incidents[i].location, let (x, y) = layout.character(of: p) else { continue }
                        let k = y * width + x
                        let rank = UInt8(incidents[i].level.rank)
                        gravest[k] = count[k] == 0 ? rank : min(rank, gravest[k])
                        count[k] += 1
                    }
                }
            }
        }
    }

    /// `Incident.isOpen`, from the status alone; the switch is exhaustive so that a new status
    /// cannot slip past unconsidered.
    static func isOpen(_ status: IncidentStatus) -> Bool {
        switch status {
        case .new, .acknowledged: true
        case .closed, .merged: false
        }
    }

    /// The open incidents drawn in one grid cell: the same the `cell:` filter selects, since a
    /// character lies in one cell only.
    func total(in cell: GridCell, layout: MapLayout) -> Int {
        var total = 0
        let x0 = cell.columnIndex * layout.cellWidth, y0 = cell.rowIndex * layout.cellHeight
        for y in y0..<y0 + layout.cellHeight {
            for x in x0..<x0 + layout.cellWidth where x < width && y * width + x < count.count {
                total += Int(count[y * width + x])
            }
        }
        return total
    }

    /// What a character shows: the level's mark for one incident, the count for a few, `@` for
    /// ten or more, in the gravest level's style. Digits and `@` are not level marks, so no
    /// count reads as a level.
    static func glyph(count: UInt32, gravest: Level) -> Character {
        switch count {
        case 1: LevelMark.glyph(gravest)
        case 2...9: Character(String(count))
        default: "@"
        }
    }

    /// `glyph` as a ready cell, from a table: thousands are drawn a frame.
    static func cell(count: UInt32, gravest rank: UInt8) -> Cell {
        cells[Int(min(rank, 4)) * 11 + Int(min(count, 10))]
    }

    /// Indexed by rank × 11 + count (0...10, ten standing for ten or more).
    private static let cells: [Cell] = (0...4).flatMap { rank in
        (0...10).map { count in
            let level = level(rank: UInt8(rank))
            return Cell(text: String(glyph(count: UInt32(count), gravest: level)), style: LevelMark.style(level), width: 1)
        }
    }

    /// The inverse of `Level.rank`, without building `Level.allCases` for every character.
    static func level(rank: UInt8) -> Level {
        switch rank {
        case 1: .I
        case 2: .II
        case 3: .III
        default: .IV
        }
    }
}
