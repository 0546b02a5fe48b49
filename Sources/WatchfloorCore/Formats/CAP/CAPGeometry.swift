import Foundation

/// Plane geometry on (lon, lat). Warning areas are tens of kilometres across, far from the
/// poles and (for Shandong) far from the antimeridian, so treating degrees as a flat grid is
/// as good as the polygons themselves.
enum CAPGeometry {
    /// Even-odd ray casting. Works whether or not the ring repeats its first point.
    static func polygon(_ ring: [GeoPoint], contains p: GeoPoint) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            // The crossing test divides by (b.lat - a.lat) only when the edge straddles p.lat,
            // so the divisor is never zero.
            if (a.lat > p.lat) != (b.lat > p.lat),
               p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// Area-weighted centroid; for a degenerate ring (a line, a point) the mean of its points.
    static func centroid(of ring: [GeoPoint]) -> GeoPoint? {
        var points = ring
        if points.count > 1, let first = points.first, first == points.last { points.removeLast() }
        guard !points.isEmpty else { return nil }

        // Shift to the first point so large coordinates do not swamp the cross products.
        let origin = points[0]
        var twiceArea = 0.0, cx = 0.0, cy = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            let ax = a.lon - origin.lon, ay = a.lat - origin.lat
            let bx = b.lon - origin.lon, by = b.lat - origin.lat
            let cross = ax * by - bx * ay
            twiceArea += cross
            cx += (ax + bx) * cross
            cy += (ay + by) * cross
        }
        if abs(twiceArea) > 1e-12 {
            return GeoPoint(lat: origin.lat + cy / (3 * twiceArea), lon: origin.lon + cx / (3 * twiceArea))
        }
        let n = Double(points.count)
        return GeoPoint(lat: points.reduce(0) { $0 + $1.lat } / n, lon: points.reduce(0) { $0 + $1.lon } / n)
    }
}
