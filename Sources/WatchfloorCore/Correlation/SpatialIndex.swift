import Foundation

/// Open incidents bucketed by grid cell, so finding the candidates near a report costs the
/// same with a thousand open incidents as with a hundred thousand. There is one grid per reach
/// (a 300 m crash and an 8 km typhoon do not share cell sizes), and stale entries are dropped
/// lazily when a query passes over them.
struct SpatialIndex: Sendable {
    private var grids: [Grid]
    private static let cellSizes: [Double] = [400, 2000, 8000]
    private static let metresPerDegreeLat = 111_320.0
    /// cos(36.5°): how much a degree of longitude shrinks in the middle of Shandong.
    static let referenceShrink = 0.8038

    init() {
        grids = Self.cellSizes.map { Grid(cellMetres: $0) }
    }

    /// Adds incident `number` at `p`, in the grid that matches its reach.
    mutating func insert(_ number: Int32, at p: GeoPoint, reachMetres: Double) {
        let g = Self.cellSizes.firstIndex { reachMetres <= $0 } ?? (Self.cellSizes.count - 1)
        grids[g].insert(number, at: p)
    }

    /// Calls `visit` for every entry that may be within reach of a report at `p` whose own
    /// reach is `reachMetres` (and some a little further); `keep` tells which entries are still
    /// worth keeping. An entry in a grid has a reach of at most that grid's cell size, and a
    /// pair's reach is the smaller of the two, so no grid is searched past one cell.
    mutating func forEachCandidate(near p: GeoPoint, reachMetres: Double, keep: (Int32) -> Bool, _ visit: (Int32) -> Void) {
        for g in grids.indices {
            grids[g].forEach(near: p, metres: min(reachMetres, grids[g].cellMetres), keep: keep, visit)
        }
    }

    struct Grid: Sendable {
        let cellMetres: Double
        let dLat: Double
        var cells: [Int64: [Int32]] = [:]
        /// One bit per hashed cell key, set when a cell gets an entry and never cleared: a
        /// clear bit proves the cell empty without a dictionary lookup, and most cells a
        /// query passes over are empty. Made on the first insert.
        private var occupied: [UInt64] = []
        private static let occupancyBits = 20
        private static let occupancyWords = (1 << occupancyBits) / 64

        init(cellMetres: Double) {
            self.cellMetres = cellMetres
            dLat = cellMetres / SpatialIndex.metresPerDegreeLat
        }

        /// Columns are a fixed width in degrees, square in metres at Shandong's latitude; their
        /// width in metres shrinks further north, which queries allow for.
        private var dLon: Double { dLat / SpatialIndex.referenceShrink }

        private func cell(_ p: GeoPoint) -> (Int64, Int64) {
            (Int64((p.lat / dLat).rounded(.down)), Int64((p.lon / dLon).rounded(.down)))
        }

        private static func key(_ row: Int64, _ col: Int64) -> Int64 { row &* 1_000_003 &+ col }

        /// The key's bit in `occupied` (Fibonacci hashing: the top bits of a multiply).
        private static func occupancyBit(_ key: Int64) -> Int {
            Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> (64 - occupancyBits))
        }

        private func mayBeOccupied(_ key: Int64) -> Bool {
            guard !occupied.isEmpty else { return false }
            let bit = Self.occupancyBit(key)
            return occupied[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        mutating func insert(_ n: Int32, at p: GeoPoint) {
            let (r, c) = cell(p)
            let k = Self.key(r, c)
            if occupied.isEmpty { occupied = [UInt64](repeating: 0, count: Self.occupancyWords) }
            let bit = Self.occupancyBit(k)
            occupied[bit >> 6] |= 1 << UInt64(bit & 63)
            // An incident is noted again with each report that joins it; once per cell is
            // enough, since a query only asks which incidents a cell holds. Looked for from
            // the end, where the incidents still being reported are.
            cells[k, default: []].appendIfAbsent(n)
        }

        mutating func forEach(near p: GeoPoint, metres: Double, keep: (Int32) -> Bool, _ visit: (Int32) -> Void) {
            guard !cells.isEmpty else { return }
            let (r0, c0) = cell(p)
            let rows = Int64((metres / cellMetres).rounded(.up))
            let shrink = max(cos(p.lat * .pi / 180), 0.05) / SpatialIndex.referenceShrink
            let cols = Int64((metres / (cellMetres * shrink)).rounded(.up))
            if (2 * rows + 1) * (2 * cols + 1) > Int64(cells.count) * 4 {
                // A wide search over a sparse grid: walking the occupied cells is cheaper.
                forEachOccupied(near: (r0, c0), rows: rows, cols: cols, keep: keep, visit)
                return
            }
            for r in (r0 - rows)...(r0 + rows) {
                for c in (c0 - cols)...(c0 + cols) {
                    let k = Self.key(r, c)
                    guard mayBeOccupied(k), let list = cells[k] else { continue }
                    var stale = false
                    for n in list {
                        if keep(n) { visit(n) } else { stale = true }
                    }
                    // Rarely needed, and then done in place rather than on a copy.
                    if stale {
                        cells[k]!.removeAll { !keep($0) }
                        if cells[k]!.isEmpty { cells[k] = nil }
                    }
                }
            }
        }
    
        private mutating func forEachOccupied(
            near center: (Int64, Int64), rows: Int64, cols: Int64, keep: (Int32) -> Bool, _ visit: (Int32) -> Void
        ) {
            for k in Array(cells.keys) {
                // Recover row and column from the key the same way they were combined.
                var row = k / 1_000_003
                var col = k - row &* 1_000_003
                if col > 500_000 { col -= 1_000_003; row += 1 } else if col < -500_000 { col += 1_000_003; row -= 1 }
                guard abs(row - center.0) <= rows, abs(col - center.1) <= cols, var list = cells[k] else { continue }
                list.removeAll { !keep($0) }
                cells[k] = list.isEmpty ? nil : list
                for n in list { visit(n) }
            }
        }
    }
}

private extension Array where Element == Int32 {
    mutating func appendIfAbsent(_ n: Int32) {
        var i = endIndex
        while i > startIndex {
            i -= 1
            if self[i] == n { return }
        }
        append(n)
    }
}
