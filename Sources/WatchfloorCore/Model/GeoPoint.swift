import Foundation

/// A position on the earth in degrees. Coordinates are GCJ-02 unless a feed says otherwise
/// (DESIGN §3.4): the geography file and the feeds share that datum, so distances between
/// them are right to within metres without conversion.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Whether the numbers can be a position at all.
    public var isValid: Bool {
        lat.isFinite && lon.isFinite && (-90...90).contains(lat) && (-180...180).contains(lon)
    }

    /// Great-circle distance in metres (haversine; plenty for the kilometre scales of correlation).
    public func distance(to other: GeoPoint) -> Double {
        let r = 6_371_008.8
        let p1 = lat * .pi / 180, p2 = other.lat * .pi / 180
        let dp = p2 - p1, dl = (other.lon - lon) * .pi / 180
        let a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }
}
