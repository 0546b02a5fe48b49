import WatchfloorCore

/// The boundaries of the counties in view, rasterised once for a layout: which characters carry
/// a line, which box-drawing glyph, and how heavy.
///
/// The county is sampled at every character corner; a border crosses a character's edge where
/// the two corners of that edge lie in different counties. Joining the crossed edges gives the
/// glyph (`│`, `─`, `┌`, `┼`...), so lines are one character thin, unbroken, and pass through
/// the characters the real border passes through, not beside them.
struct MapGeography {
    /// How much a line matters; the heaviest edge of a character decides its style.
    enum Weight: UInt8, Comparable {
        case county = 1, city, outline

        static func < (a: Weight, b: Weight) -> Bool { a.rawValue < b.rawValue }

        var style: Style {
            switch self {
            case .county: .muted
            case .city: Style(.outline)
            case .outline: Style(.outline, bold: true)
            }
        }
    }

    /// Every character of the map, `y * width + x`, ready to be set on the canvas: a line or
    /// a blank.
    let cells: [Cell]

    /// Characters an average county needs before county boundaries are drawn.
    static let smallestCounty = 24

    /// `scope` is the division zoomed on: counties outside it are drawn as outside, so the
    /// zoomed city stands out against its neighbours. Nil draws the whole province.
    init(layout: MapLayout, gazetteer: Gazetteer, scope: Division?) {
        let width = layout.map.width, height = layout.map.height
        // Counties are numbered by position; -1 is outside. Their city decides a line's weight.
        var number: [String: Int] = [:]
        var cityOf: [String?] = []
        for county in gazetteer.counties where scope == nil || county.parent == scope?.adcode || county.adcode == scope?.adcode {
            number[county.adcode] = cityOf.count
            cityOf.append(county.parent)
        }
        var corners = [Int](repeating: -1, count: (width + 1) * (height + 1))
        for j in 0...height {
            for i in 0...width {
                let p = layout.point(x: Double(i), y: Double(j))
                if let county = gazetteer.county(containing: p), let n = number[county.adcode] {
                    corners[j * (width + 1) + i] = n
                }
            }
        }
        // Counties a few characters across would be all line and no ground; below this size
        // only the cities' boundaries are drawn.
        let inside = corners.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let showCounties = !cityOf.isEmpty && inside / cityOf.count >= Self.smallestCounty
        func weight(_ a: Int, _ b: Int) -> Weight? {
            if a == b { return nil }
            if a < 0 || b < 0 { return .outline }
            if cityOf[a] != cityOf[b] { return .city }
            return showCounties ? .county : nil
        }
        var cells = [Cell](repeating: .blank, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let nw = corners[y * (width + 1) + x], ne = corners[y * (width + 1) + x + 1]
                let sw = corners[(y + 1) * (width + 1) + x], se = corners[(y + 1) * (width + 1) + x + 1]
                let edges = [weight(nw, ne), weight(ne, se), weight(sw, se), weight(nw, sw)]
                var mask = 0
                var heaviest: Weight?
                for (bit, edge) in edges.enumerated() {
                    guard let edge else { continue }
                    mask |= 1 << bit
                    heaviest = max(heaviest ?? edge, edge)
                }
                if let heaviest {
                    cells[y * width + x] = Cell(text: Self.glyph(mask), style: heaviest.style, width: 1)
                }
            }
        }
        self.cells = cells
    }

    /// The glyph joining the crossed edges: bit 0 top, 1 right, 2 bottom, 3 left. A border
    /// always crosses two or more edges of a character; one alone cannot happen.
    static func glyph(_ mask: Int) -> String {
        switch mask {
        case 0b0011: "└"
        case 0b0110: "┌"
        case 0b1100: "┐"
        case 0b1001: "┘"
        case 0b0111: "├"
        case 0b1110: "┬"
        case 0b1101: "┤"
        case 0b1011: "┴"
        case 0b1111: "┼"
        case 0b0010, 0b1000, 0b1010: "─"
        default: "│"
        }
    }
}
