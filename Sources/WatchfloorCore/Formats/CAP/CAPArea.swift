import Foundation

/// A CAP `circle`: a centre and a radius (CAP writes the radius in kilometres).
public struct CAPCircle: Sendable, Hashable {
    public var center: GeoPoint
    public var radiusMetres: Double

    public init(center: GeoPoint, radiusMetres: Double) {
        self.center = center
        self.radiusMetres = radiusMetres
    }

    public func contains(_ p: GeoPoint) -> Bool {
        center.distance(to: p) <= radiusMetres
    }
}

/// A CAP `area`: what a warning covers. Geocodes (e.g. GB/T 2260 admin codes such as
/// 370100) are kept as given; matching them to the gazetteer is the board's business.
public struct CAPArea: Sendable, Equatable {
    public var areaDesc: String
    /// Each polygon is its points in order, as written (CAP closes them: last == first).
    public var polygons: [[GeoPoint]]
    public var circles: [CAPCircle]
    public var geocodes: [CAPNamedValue]

    public init(areaDesc: String, polygons: [[GeoPoint]] = [], circles: [CAPCircle] = [], geocodes: [CAPNamedValue] = []) {
        self.areaDesc = areaDesc
        self.polygons = polygons
        self.circles = circles
        self.geocodes = geocodes
    }

    /// Whether `point` lies in any polygon (even-odd rule) or any circle of the area.
    /// An area given only by geocodes contains no point here.
    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { CAPGeometry.polygon($0, contains: point) }
            || circles.contains { $0.contains(point) }
    }

    /// The centroid of the first polygon, else the first circle's centre.
    public var representativePoint: GeoPoint? {
        if let polygon = polygons.first(where: { !$0.isEmpty }) {
            return CAPGeometry.centroid(of: polygon)
        }
        return circles.first?.center
    }
}
