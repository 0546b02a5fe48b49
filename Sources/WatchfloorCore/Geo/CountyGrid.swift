import Foundation

/// A coarse uniform grid over the province that answers "which county?" for most points without
/// any polygon work, and narrows the rest to a few candidates.
///
/// Each cell lists the counties whose bbox overlaps it. On top of that, a cell that no border
/// crosses lies wholly in one county (or wholly outside all of them, at sea or over the border),
/// so its answer is worked out once, here, and a lookup there is one array read. Only cells a
/// border runs through fall back to testing their candidates. The lookup runs once per report.
struct CountyGrid: Sendable {
    /// About 2.2 km by 2.8 km in Shandong: some 50 000 cells, most of them inside one county.
    static let cellDegrees = 0.025

    private static let mixed: Int32 = -2
    private static let outside: Int32 = -1

    private let box: GeoBox
    private let columns: Int
    private let rows: Int
    private let cellsPerDegree: Double
    /// Candidates of cell c are members[cellStart[c] ..< cellStart[c+1]], indices into the counties.
    private let cellStart: [Int32]
    private let members: [Int32]
    /// Per cell: the county index when no border crosses it, `outside`, or `mixed`.
    private let solid: [Int32]
    private let boxes: [GeoBox]
    private let shapes: [RingIndex]

    init(counties: [Division], over box: GeoBox) {
        self.box = box
        boxes = counties.map(\.bbox)
        shapes = counties.map(\.index)
        let perDegree = 1 / Self.cellDegrees
        cellsPerDegree = perDegree
        let columns = max(1, Int(((box.maxLon - box.minLon) * perDegree).rounded(.up)))
        let rows = max(1, Int(((box.maxLat - box.minLat) * perDegree).rounded(.up)))
        self.columns = columns
        self.rows = rows
        // Cell ranges come from the same clamped floor as lookups, so a point in a county's bbox
        // always lands in a cell that lists the county.
        func cells(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> (ClosedRange<Int>, ClosedRange<Int>) {
            (Self.index(west - box.minLon, perDegree, columns)...Self.index(east - box.minLon, perDegree, columns),
             Self.index(south - box.minLat, perDegree, rows)...Self.index(north - box.minLat, perDegree, rows))
        }

        var lists = [[Int32]](repeating: [], count: columns * rows)
        var crossed = [Bool](repeating: false, count: columns * rows)
        for (i, county) in counties.enumerated() {
            let b = county.bbox
            let (cs, rs) = cells(b.minLon, b.minLat, b.maxLon, b.maxLat)
            for r in rs { for c in cs { lists[r * columns + c].append(Int32(i)) } }
            // Every cell an edge's own bbox touches may hold a border; the rest hold none.
            for ring in county.rings where !ring.isEmpty {
                var a = ring[ring.count - 1]
                for p in ring {
                    let (ec, er) = cells(min(a.lon, p.lon), min(a.lat, p.lat), max(a.lon, p.lon), max(a.lat, p.lat))
                    for r in er { for c in ec { crossed[r * columns + c] = true } }
                    a = p
                }
            }
        }
        var start: [Int32] = [0]
        start.reserveCapacity(lists.count + 1)
        for list in lists { start.append(start[start.count - 1] + Int32(list.count)) }
        cellStart = start
        members = Array(lists.joined())

        // A cell no edge touches is a convex patch that no border enters: every point in it has
        // the same even-odd answer for every county, so its centre speaks for all of it.
        var solid = [Int32](repeating: Self.mixed, count: columns * rows)
        for r in 0..<rows {
            for c in 0..<columns where !crossed[r * columns + c] {
                let centre = GeoPoint(lat: box.minLat + (Double(r) + 0.5) / perDegree,
                                      lon: box.minLon + (Double(c) + 0.5) / perDegree)
                guard Self.index(centre.lon - box.minLon, perDegree, columns) == c,
                      Self.index(centre.lat - box.minLat, perDegree, rows) == r, box.contains(centre) else { continue }
                let cell = r * columns + c
                solid[cell] = Self.scan(centre, Int(start[cell])..<Int(start[cell + 1]), members, boxes, shapes)
                    .map(Int32.init) ?? Self.outside
            }
        }
        self.solid = solid
    }

    /// Clamped: offsets are measured from the grid's own bbox, which holds every county's.
    @inline(__always)
    private static func index(_ offset: Double, _ perDegree: Double, _ count: Int) -> Int {
        let f = offset * perDegree
        guard f > 0 else { return 0 }
        return f >= Double(count - 1) ? count - 1 : Int(f)
    }

    /// The first candidate, in county order, whose shape holds the point.
    @inline(__always)
    private static func scan(_ p: GeoPoint, _ range: Range<Int>, _ members: [Int32], _ boxes: [GeoBox], _ shapes: [RingIndex]) -> Int? {
        for k in range {
            let i = Int(members[k])
            if boxes[i].contains(p), shapes[i].contains(lon: p.lon, lat: p.lat) { return i }
        }
        return nil
    }

    @inline(__always)
    private func cell(of p: GeoPoint) -> Int {
        Self.index(p.lat - box.minLat, cellsPerDegree, rows) * columns + Self.index(p.lon - box.minLon, cellsPerDegree, columns)
    }

    /// The county holding the point (the first in county order, should a border point be claimed
    /// twice); nil outside them all. Uses the grid's own flat copies of the counties' boxes and
    /// edge indexes, not the `Division` values, so the hot path copies no strings or arrays.
    func county(at p: GeoPoint) -> Int? {
        guard box.contains(p) else { return nil }
        let cell = cell(of: p)
        let known = solid[cell]
        if known >= 0 { return Int(known) }
        if known == Self.outside { return nil }
        return Self.scan(p, Int(cellStart[cell])..<Int(cellStart[cell + 1]), members, boxes, shapes)
    }

    /// The candidates of the point's cell (empty outside the grid).
    func candidates(at p: GeoPoint) -> ArraySlice<Int32> {
        guard box.contains(p) else { return [] }
        let cell = cell(of: p)
        return members[Int(cellStart[cell])..<Int(cellStart[cell + 1])]
    }
}
