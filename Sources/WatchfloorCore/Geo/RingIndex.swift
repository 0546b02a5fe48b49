import Foundation

/// The edges of a division's rings, bucketed into horizontal bands of latitude.
///
/// Even-odd ray casting only needs the edges that straddle the point's latitude; with the edges
/// pre-sorted into bands, a county of several hundred vertices costs a dozen edge tests instead of
/// all of them (the lookup runs once per report, a million times in the benchmark). The band of an
/// edge and the band of a point come from the same monotone function, so every edge that can cross
/// the point's latitude is in the point's band: the answer is exactly that of a full scan.
struct RingIndex: Sendable {
    private let minLat: Double
    private let bandsPerDegree: Double
    private let bandCount: Int
    /// Edges of band b are entries bandStart[b] ..< bandStart[b+1] of `edges`.
    private let bandStart: [Int32]
    /// Four numbers an edge: lon0, lat0, lon1, lat1 (previous vertex, then this one).
    private let edges: [Double]

    /// Rings may be closed (last point equal to the first) or open; the closing edge is implied.
    init(rings: [[GeoPoint]]) {
        var flat: [Double] = []
        var lo = Double.infinity, hi = -Double.infinity
        for ring in rings where ring.count >= 2 {
            for i in ring.indices {
                let a = ring[i == 0 ? ring.count - 1 : i - 1], b = ring[i]
                // A horizontal edge never toggles the even-odd count; a zero-length one neither.
                if a.lat == b.lat { continue }
                flat += [a.lon, a.lat, b.lon, b.lat]
                lo = min(lo, a.lat, b.lat)
                hi = max(hi, a.lat, b.lat)
            }
        }
        let edgeCount = flat.count / 4
        // About four edges per band keeps bands short without bloating the index.
        let bands = max(1, min(edgeCount / 4, 1 << 14))
        minLat = edgeCount > 0 ? lo : 0
        bandsPerDegree = edgeCount > 0 && hi > lo ? Double(bands) / (hi - lo) : 0
        bandCount = bands

        func band(_ lat: Double, _ minLat: Double, _ scale: Double) -> Int {
            RingIndex.band(of: lat, minLat: minLat, bandsPerDegree: scale, bandCount: bands)
        }
        var counts = [Int32](repeating: 0, count: bands + 1)
        for e in 0..<edgeCount {
            let y0 = flat[e * 4 + 1], y1 = flat[e * 4 + 3]
            for b in band(min(y0, y1), minLat, bandsPerDegree)...band(max(y0, y1), minLat, bandsPerDegree) {
                counts[b + 1] += 1
            }
        }
        for b in 0..<bands { counts[b + 1] += counts[b] }
        var fill = counts
        var sorted = [Double](repeating: 0, count: Int(counts[bands]) * 4)
        for e in 0..<edgeCount {
            let y0 = flat[e * 4 + 1], y1 = flat[e * 4 + 3]
            for b in band(min(y0, y1), minLat, bandsPerDegree)...band(max(y0, y1), minLat, bandsPerDegree) {
                let at = Int(fill[b]) * 4
                for k in 0..<4 { sorted[at + k] = flat[e * 4 + k] }
                fill[b] += 1
            }
        }
        bandStart = counts
        edges = sorted
    }

    /// Clamped, so a latitude outside the rings' extent maps to the first or last band (whose
    /// edges then cannot straddle it: the answer is still right, just not faster).
    @inline(__always)
    private static func band(of lat: Double, minLat: Double, bandsPerDegree: Double, bandCount: Int) -> Int {
        let f = (lat - minLat) * bandsPerDegree
        guard f > 0 else { return 0 }
        return f >= Double(bandCount - 1) ? bandCount - 1 : Int(f)
    }

    /// Even-odd rule over all rings: holes given as rings are outside.
    func contains(lon x: Double, lat y: Double) -> Bool {
        guard y.isFinite, x.isFinite, !edges.isEmpty else { return false }
        let b = RingIndex.band(of: y, minLat: minLat, bandsPerDegree: bandsPerDegree, bandCount: bandCount)
        let start = Int(bandStart[b]) * 4, end = Int(bandStart[b + 1]) * 4
        var inside = false
        edges.withUnsafeBufferPointer { e in
            var k = start
            while k < end {
                let y0 = e[k + 1], y1 = e[k + 3]
                if (y0 > y) != (y1 > y) {
                    // The same expression, in the same order, as scripts/derive-geo.py uses to
                    // check centroids, so both agree to the last bit.
                    let x0 = e[k], x1 = e[k + 2]
                    if x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) { inside.toggle() }
                }
                k += 4
            }
        }
        return inside
    }
}
