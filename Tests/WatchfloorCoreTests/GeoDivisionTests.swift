import Foundation
import Testing
@testable import WatchfloorCore

@Suite("Geo: Division.contains")
struct GeoDivisionTests {
    /// A 10×10 square with a 2×2 hole in the middle, and a separate 2×2 island to the east.
    let square = Division(
        adcode: "990101", name: "测试区", parent: "990100", kind: .county,
        centroid: GeoPoint(lat: 2, lon: 2),
        rings: [
            [GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 0, lon: 10), GeoPoint(lat: 10, lon: 10), GeoPoint(lat: 10, lon: 0), GeoPoint(lat: 0, lon: 0)],
            [GeoPoint(lat: 4, lon: 4), GeoPoint(lat: 6, lon: 4), GeoPoint(lat: 6, lon: 6), GeoPoint(lat: 4, lon: 6)],  // hole, open ring
            [GeoPoint(lat: 4, lon: 20), GeoPoint(lat: 4, lon: 22), GeoPoint(lat: 6, lon: 22), GeoPoint(lat: 6, lon: 20)],
        ])

    @Test func insideOutsideAndTheHole() {
        #expect(square.contains(GeoPoint(lat: 2, lon: 2)))
        #expect(square.contains(GeoPoint(lat: 5, lon: 3)))   // level with the hole, west of it
        #expect(square.contains(GeoPoint(lat: 5, lon: 7)))   // level with the hole, east of it
        #expect(!square.contains(GeoPoint(lat: 5, lon: 5)))  // in the hole
        #expect(!square.contains(GeoPoint(lat: 5, lon: 15))) // between the parts, inside the bbox
        #expect(square.contains(GeoPoint(lat: 5, lon: 21)))  // the island
        #expect(!square.contains(GeoPoint(lat: 11, lon: 5)))
        #expect(!square.contains(GeoPoint(lat: -1, lon: 5)))
        #expect(!square.contains(GeoPoint(lat: .nan, lon: 5)))
    }

    @Test func bboxCoversAllRings() {
        #expect(square.bbox == GeoBox(minLon: 0, minLat: 0, maxLon: 22, maxLat: 10))
        #expect(square.bbox.contains(GeoPoint(lat: 10, lon: 22)))
        #expect(!square.bbox.contains(GeoPoint(lat: 10.0001, lon: 22)))
    }

    /// A long thin diagonal shape with many vertices: the banded index must answer exactly as a
    /// plain scan of every edge does.
    @Test func bandedIndexAgreesWithAFullScan() {
        var ring: [GeoPoint] = []
        for i in 0...200 {
            let t = Double(i) / 200
            ring.append(GeoPoint(lat: t * 3 + 0.3 * sin(t * 40), lon: t * 5))
        }
        for i in (0...200).reversed() {
            let t = Double(i) / 200
            ring.append(GeoPoint(lat: t * 3 + 0.5 + 0.2 * cos(t * 33), lon: t * 5))
        }
        let d = Division(adcode: "990102", name: "锯齿", parent: nil, kind: .county, centroid: GeoPoint(lat: 0, lon: 0), rings: [ring])
        func scan(_ p: GeoPoint) -> Bool {
            var inside = false
            for i in ring.indices {
                let a = ring[i == 0 ? ring.count - 1 : i - 1], b = ring[i]
                if (a.lat > p.lat) != (b.lat > p.lat), p.lon < a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat) {
                    inside.toggle()
                }
            }
            return inside
        }
        var hits = 0
        var disagreements: [GeoPoint] = []
        for y in stride(from: -0.5, through: 4.0, by: 0.031) {
            for x in stride(from: -0.2, through: 5.2, by: 0.071) {
                let p = GeoPoint(lat: y, lon: x)
                let expected = scan(p)
                if d.contains(p) != expected { disagreements.append(p) }
                if expected { hits += 1 }
            }
        }
        #expect(disagreements.isEmpty)
        #expect(hits > 100)
    }
}
