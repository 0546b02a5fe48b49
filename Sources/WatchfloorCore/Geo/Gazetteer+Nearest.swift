import Foundation

/// The fallback for the few points the province holds but no county does.
extension Gazetteer {
    /// The county whose border passes nearest the point, among those near it. Only for points the
    /// province holds but no county does: slivers a few metres wide where a simplified border
    /// crosses itself (see ATTRIBUTION.md), which must still get a county.
    func nearestCounty(to point: GeoPoint) -> Division? {
        var best: (distance: Double, index: Int)?
        for i in grid.candidates(at: point).map(Int.init) {
            let d = Self.distanceToBorder(point, counties[i].rings)
            if d < best?.distance ?? .infinity { best = (d, i) }
        }
        return best.map { counties[$0.index] }
    }

    /// Metres to the nearest edge, in a local flat projection (fine at the metre scales it serves).
    private static func distanceToBorder(_ p: GeoPoint, _ rings: [[GeoPoint]]) -> Double {
        let kx = 111_320 * cos(p.lat * .pi / 180), ky = 110_574.0
        var best = Double.infinity
        for ring in rings where ring.count >= 2 {
            var a = ring[ring.count - 1]
            for b in ring {
                let ax = (a.lon - p.lon) * kx, ay = (a.lat - p.lat) * ky
                let bx = (b.lon - p.lon) * kx, by = (b.lat - p.lat) * ky
                let dx = bx - ax, dy = by - ay
                let len2 = dx * dx + dy * dy
                let t = len2 > 0 ? min(1, max(0, -(ax * dx + ay * dy) / len2)) : 0
                let x = ax + t * dx, y = ay + t * dy
                best = min(best, (x * x + y * y).squareRoot())
                a = b
            }
        }
        return best
    }
}
