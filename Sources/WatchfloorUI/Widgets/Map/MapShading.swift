import WatchfloorCore

/// The characters whose centre lies inside an active warning's area. Testing every character
/// against every polygon is the costly part of a frame, and warnings change seldom, so the
/// widget keeps one of these until the layout or the warnings change.
struct MapShading {
    /// What the shading was computed from: a warning updated in place keeps its id, so its
    /// areas are part of the key.
    struct Key: Equatable {
        var layout: MapLayout
        var warnings: [String]
        var areas: [[WarningArea]]
    }

    let key: Key
    /// Map-relative indices (`y * width + x`) of shaded characters, in reading order.
    let shaded: [Int]

    init(layout: MapLayout, warnings: [Warning]) {
        key = Self.key(layout: layout, warnings: warnings)
        var shaded: [Int] = []
        if !warnings.isEmpty {
            let width = layout.map.width
            for y in 0..<layout.map.height {
                for x in 0..<width {
                    let centre = layout.point(x: Double(x) + 0.5, y: Double(y) + 0.5)
                    if warnings.contains(where: { $0.covers(centre) }) { shaded.append(y * width + x) }
                }
            }
        }
        self.shaded = shaded
    }

    static func key(layout: MapLayout, warnings: [Warning]) -> Key {
        Key(layout: layout, warnings: warnings.map(\.id), areas: warnings.map(\.areas))
    }
}
