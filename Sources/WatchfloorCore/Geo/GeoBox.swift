import Foundation

/// A longitude/latitude rectangle, edges included: the cheap first test before any polygon work.
public struct GeoBox: Sendable, Hashable, CustomStringConvertible {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box holding every point; nil for no points.
    public init?(enclosing points: some Sequence<GeoPoint>) {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        var box = GeoBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let p = it.next() {
            box.minLon = Swift.min(box.minLon, p.lon)
            box.minLat = Swift.min(box.minLat, p.lat)
            box.maxLon = Swift.max(box.maxLon, p.lon)
            box.maxLat = Swift.max(box.maxLat, p.lat)
        }
        self = box
    }

    /// Comparisons with NaN are false, so an invalid point is never inside.
    @inlinable
    public func contains(_ p: GeoPoint) -> Bool {
        p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat
    }

    public func intersects(_ other: GeoBox) -> Bool {
        minLon <= other.maxLon && other.minLon <= maxLon && minLat <= other.maxLat && other.minLat <= maxLat
    }

    /// The box holding both.
    public func union(_ other: GeoBox) -> GeoBox {
        GeoBox(minLon: Swift.min(minLon, other.minLon), minLat: Swift.min(minLat, other.minLat),
               maxLon: Swift.max(maxLon, other.maxLon), maxLat: Swift.max(maxLat, other.maxLat))
    }

    public var center: GeoPoint {
        GeoPoint(lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2)
    }

    /// East-west extent in metres, measured along the middle latitude.
    public var widthMetres: Double {
        let mid = (minLat + maxLat) / 2
        return GeoPoint(lat: mid, lon: minLon).distance(to: GeoPoint(lat: mid, lon: maxLon))
    }

    /// North-south extent in metres.
    public var heightMetres: Double {
        GeoPoint(lat: minLat, lon: minLon).distance(to: GeoPoint(lat: maxLat, lon: minLon))
    }

    /// `[minLon,minLat,maxLon,maxLat]`, the order of the geography file.
    public var description: String { "[\(minLon),\(minLat),\(maxLon),\(maxLat)]" }
}
